// The data set of the benches that measure at scale (jurisdiction, sweep): the generator's (scripts/gen,
// issue 14 item 1) — one generator for `npm run gen` and `npm run bench`. A million instruments live in
// `qjt_gen_1m`, built on first use and reused while its marker says it holds that data set.
import type { Database } from "../../src/server/db/open";
import { openGenDataSet } from "../gen/dataset";

/**
 * Opens the generated data set of `rows` instruments (seed 1), generating it when missing; opening applies any
 * new migration. `dbName` names another database (e.g. a copy made with `create database … template qjt_gen_1m`).
 */
export async function openBenchDataSet(url: string, rows: number, dbName?: string): Promise<Database> {
  const { database } = await openGenDataSet({ url, instruments: rows, dbName });
  return database;
}
