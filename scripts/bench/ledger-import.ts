// 10 000-row ledger import: parse + check, then the one-transaction write. Embedded PGlite by default, or the
// PostgreSQL server of DATABASE_URL (a throwaway database).
//   npx tsx --conditions=react-server scripts/bench/ledger-import.ts [rows]
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openDb } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";
import { organisations, users } from "../../src/server/db/schema";
import { checkLedgerFile, commitLedgerImport } from "../../src/server/services/ledger/import-ledger";
import { ledgerWorkbook, sampleRows } from "../ledger/sample-file";

async function main() {
  const rows = Number(process.argv[2] ?? 10_000);
  const url = process.env.DATABASE_URL;
  let dbUrl: string | undefined;
  let admin: ReturnType<typeof postgres> | null = null;
  const name = `qjt_bench_${randomBytes(4).toString("hex")}`;
  if (url) {
    admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  }
  const database = await openDb(dbUrl ? { url: dbUrl } : { dataDir: "memory://" });
  await prepareData(database, { demo: true });
  try {
    const [org] = await database.db.select().from(organisations).where(eq(organisations.name, "广州示例加油站有限公司（示例）"));
    const [user] = await database.db.select().from(users).where(eq(users.username, "jyzqy"));
    const bytes = new Uint8Array(await ledgerWorkbook(sampleRows(rows, 0, "BENCH")));
    const t0 = performance.now();
    const check = await checkLedgerFile(database.db, org!.id, { name: "bench.xlsx", bytes });
    const t1 = performance.now();
    const r = await commitLedgerImport(database.db, { userId: user!.id, orgId: org!.id, ip: null }, check);
    const t2 = performance.now();
    console.log(
      `${database.kind}: ${rows} rows (${(bytes.byteLength / 1024).toFixed(0)} KB xlsx): parse+check ${((t1 - t0) / 1000).toFixed(2)} s, ` +
        `write ${((t2 - t1) / 1000).toFixed(2)} s (${r.inserted} rows, one transaction), total ${((t2 - t0) / 1000).toFixed(2)} s`,
    );
  } finally {
    await database.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
