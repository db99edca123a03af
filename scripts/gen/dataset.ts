// Opens (building on first use) a generated data set in its own database on a PostgreSQL server: used by
// `npm run gen` and by the benches, so they all measure the same data (issue 14 item 1).
import postgres from "postgres";
import { openDb, type Database } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";
import { generate, genMarker, type GenSummary } from "./generate";

/** qjt_gen_1m, qjt_gen_10m, qjt_gen_2000… (the old `qjt_bench_1m` of issue 9 is left alone). */
export function genDbName(instruments: number) {
  if (instruments % 1_000_000 === 0) return `qjt_gen_${instruments / 1_000_000}m`;
  return `qjt_gen_${instruments}`;
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type OpenGenOptions = {
  /** Server URL (any database on it); the data set lives in `dbName`. */
  url: string;
  instruments: number;
  seed?: number;
  today?: string;
  dbName?: string;
  /** Rebuild even when the database already holds this data set. */
  force?: boolean;
  log?: (line: string) => void;
};

/**
 * Returns the database holding the generated data set, generating it when the database is missing, holds
 * another data set (per its comment, see genMarker) or `force` is set. A database that is not the generator's
 * and already holds instruments is never overwritten.
 */
export async function openGenDataSet(o: OpenGenOptions): Promise<{ database: Database; url: string; built: GenSummary | null }> {
  const seed = o.seed ?? 1;
  const name = o.dbName ?? genDbName(o.instruments);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`数据库名只能含小写字母、数字和下划线：${name}`);
  const log = o.log ?? console.log;
  const target = withDatabase(o.url, name);
  const admin = postgres(withDatabase(o.url, "postgres"), { max: 1, onnotice: () => {} });
  let fresh = false;
  try {
    const [row] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    const marker = genMarker({ instruments: o.instruments, seed });
    if (!row) fresh = true;
    else if (row.comment?.startsWith("qjt-gen ")) {
      if (row.comment !== marker || o.force) {
        log(`${name} holds "${row.comment}", not "${marker}": rebuilding`);
        await admin.unsafe(`drop database "${name}" with (force)`);
        fresh = true;
      }
    } else {
      const probe = postgres(target, { max: 1, onnotice: () => {} });
      const [r] = await probe<{ n: number }[]>`select count(*)::int as n from instruments`.catch(() => [{ n: 0 }]);
      await probe.end();
      if (r!.n > 0) throw new Error(`数据库 ${name} 已有 ${r!.n} 台器具且不是生成器建的：拒绝覆盖`);
    }
    if (fresh) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }

  const t0 = performance.now();
  const database = await openDb({ url: target });
  let built: GenSummary | null = null;
  const raw = postgres(target, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = (await raw`select count(*)::int as n from instruments`) as unknown as [{ n: number }];
    const generateNow = fresh || n === 0;
    await prepareData(database, { demo: generateNow });
    log(`opened ${name} (migrations applied) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (generateNow) {
      log(`generating ${o.instruments.toLocaleString("en")} instruments (seed ${seed}) into ${name}`);
      built = await generate(raw, { instruments: o.instruments, seed, today: o.today, log });
      log(`generated ${built.instruments.toLocaleString("en")} instruments, ${built.enterprises.toLocaleString("en")} enterprises in ${built.seconds.toFixed(1)} s`);
    } else {
      // A reused data set may just have been migrated; measure the steady state a live table is in.
      await raw.unsafe(`vacuum analyze instruments`);
      await raw.unsafe(`vacuum analyze organisations`);
      // The undated statistics tables that 申报企业 and the home figures read index-only (issue 14 #3).
      await raw.unsafe(`vacuum analyze stat_enterprise_filing, stat_institution_totals, stat_institution_enterprises`);
      // The ledger's count cells (migration 0024).
      await raw.unsafe(`vacuum analyze stat_ledger_cells`);
    }
  } catch (err) {
    await database.close();
    throw err;
  } finally {
    await raw.end();
  }
  return { database, url: target, built };
}
