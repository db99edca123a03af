// `npm run gen -- --instruments N [--seed S] [--today YYYY-MM-DD] [--database URL] [--force]`
// Fills a PostgreSQL database with a realistic, reproducible data set of N instruments (scripts/gen/generate.ts).
// Without --database: the server of DATABASE_URL (default the local one), database qjt_gen_<N> (qjt_gen_1m…).
import { parseArgs } from "node:util";
import { genDbName, openGenDataSet } from "./gen/dataset";

async function main() {
  const { values } = parseArgs({
    options: {
      instruments: { type: "string", default: "1000000" },
      seed: { type: "string", default: "1" },
      today: { type: "string" },
      database: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  const instruments = Number(values.instruments!.replace(/[_,]/g, ""));
  const seed = Number(values.seed);
  const server = values.database ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const dbName = values.database ? decodeURIComponent(new URL(values.database).pathname.slice(1)) : genDbName(instruments);
  const { database, url, built } = await openGenDataSet({ url: server, dbName, instruments, seed, today: values.today, force: values.force });
  await database.close();
  console.log(built ? `done: ${url}` : `${url} already holds this data set (use --force to rebuild)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
