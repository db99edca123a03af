/** Opens the database at start: migrations and first-start seeding run before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("@/server/db");
    try {
      const { kind } = await getDb();
      console.log(`[强检通] 数据库已就绪（${kind === "pglite" ? "嵌入式 PGlite" : "PostgreSQL"}）`);
    } catch (err) {
      // A second server on the same data directory, or an unreachable DATABASE_URL: say so and stop.
      console.error(`[强检通] 数据库无法打开：${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  }
}
