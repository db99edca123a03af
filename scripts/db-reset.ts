// `npm run db:reset`: empties the database, migrates it and loads the reference data, plus the demo data
// where start-up would (embedded database, or SEED_DEMO=1). Refuses while a server holds the embedded data
// directory (two processes on one PGlite directory lose data).
import { rmSync } from "node:fs";
import { config } from "../src/server/config";
import { lockHolder } from "../src/server/db/lock";
import { openDb } from "../src/server/db/open";
import { prepareData, wantsDemo } from "../src/server/seed/prepare";

async function main() {
  const url = config.databaseUrl;
  if (url) {
    const postgres = (await import("postgres")).default;
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await sql.end();
  } else {
    const dir = config.pgliteDir;
    const holder = lockHolder(dir);
    if (holder !== null) {
      console.error(`数据目录 ${dir} 正被进程 ${holder} 使用：请先停止服务器（npm start），再运行 npm run db:reset。`);
      process.exit(1);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const database = await openDb({ url, dataDir: config.pgliteDir });
  try {
    const { demoSeeded } = await prepareData(database, { demo: wantsDemo(database.kind, config.seedDemo) });
    console.log(
      `数据库已重置：${url ? "PostgreSQL" : config.pgliteDir}，已写入参考数据${demoSeeded ? "和演示数据" : "（未写入演示数据；如需演示数据请设置 SEED_DEMO=1）"}。`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
