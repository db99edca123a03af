// `npm run jobs -- outbox`: delivers what is due in the outbox once and exits (for cron, R-NTF-1). Safe beside
// running servers on PostgreSQL: the claim (FOR UPDATE SKIP LOCKED) keeps workers apart. On the embedded
// database it refuses while a server holds the data directory — that server's own worker delivers.
// `npm run jobs -- sweep`: the daily expiry sweep (R-WRN-1) for today's China day, now; idempotent (a second
// run sends nothing twice). The messages it queues are delivered by the next `outbox` run or a server's worker.
import { config } from "../src/server/config";
import { openDb } from "../src/server/db/open";
import { deliverDue } from "../src/server/jobs/outbox";
import { sweepExpiry } from "../src/server/jobs/sweep";
import { defaultProviders } from "../src/server/notify/providers";

const JOBS = ["outbox", "sweep"] as const;

async function main() {
  const job = process.argv[2];
  if (!JOBS.includes(job as (typeof JOBS)[number])) {
    console.error(`用法：npm run jobs -- <任务>，任务为 ${JOBS.join("、")}`);
    process.exit(2);
  }
  const database = await openDb({ url: config.databaseUrl, dataDir: config.pgliteDir });
  try {
    if (job === "sweep") {
      const r = await sweepExpiry(database.db);
      console.log(`到期预警（${r.day}）：30 天内到期 ${r.warned.due30} 台，新超期 ${r.warned.expired} 台；通知使用单位 ${r.enterprises} 家，日报 ${r.digests} 份，排队消息 ${r.messages} 条。`);
      return;
    }
    const providers = defaultProviders(database.db);
    let total = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    // One pass takes a batch; keep going until nothing due is left.
    for (;;) {
      const r = await deliverDue(database.db, { providers, limit: 100 });
      total = { claimed: total.claimed + r.claimed, sent: total.sent + r.sent, retried: total.retried + r.retried, failed: total.failed + r.failed };
      if (r.claimed < 100) break;
    }
    console.log(`发件箱：取出 ${total.claimed} 条，已发送 ${total.sent}，待重试 ${total.retried}，失败 ${total.failed}。`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
