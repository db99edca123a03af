/**
 * The server's start-up steps, in order: open the database (migrations only), then load reference data and,
 * where wanted, the demo seed (src/server/seed/prepare.ts) — before the first request; then the outbox delivery
 * worker (R-NTF-1), once per process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("@/server/db");
    const { prepareData, wantsDemo } = await import("@/server/seed/prepare");
    const { config } = await import("@/server/config");
    try {
      const database = await getDb();
      const { demoSeeded } = await prepareData(database, { demo: wantsDemo(database.kind, config.seedDemo) });
      console.log(`[强检通] 数据库已就绪（${database.kind === "pglite" ? "嵌入式 PGlite" : "PostgreSQL"}）${demoSeeded ? "，已写入演示数据" : ""}`);
      // BACKGROUND_JOBS=0: no outbox worker and so no daily sweep in this process (the benches set it: a server
      // started on a generated data set must not sweep it; run `npm run jobs` for them instead).
      if (config.backgroundJobs) {
        const { startOutboxWorker } = await import("@/server/jobs/outbox");
        const { defaultProviders } = await import("@/server/notify/providers");
        startOutboxWorker(database.db, defaultProviders(database.db));
      }
    } catch (err) {
      // A second server on the same data directory, or an unreachable DATABASE_URL: say so and stop.
      console.error(`[强检通] 数据库无法打开：${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  }
}
