// /v/{token} through nginx in front of two `next start` processes reading from the streaming replica
// (`npm run scale:local` must be running), beside the same load on one process directly, in the same run
// (issue 14 #4). Random tokens of the scale database; a random X-Forwarded-For per request (phones all over a
// province, each under the per-address rate limit; nginx appends, TRUST_PROXY=loopback reads it back).
//   npx tsx --conditions=react-server scripts/bench/scale-public.ts [seconds]
import autocannon from "autocannon";
import postgres from "postgres";
import { report } from "./report";

const NGINX = `http://127.0.0.1:${process.env.SCALE_NGINX_PORT ?? 8088}`;
const ONE = `http://127.0.0.1:${(process.env.SCALE_APP_PORTS ?? "3231 3232").split(" ")[0]}`;

async function load(url: string, tokens: string[], seconds: number) {
  const ip = () => `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`;
  const r = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: `/v/${tokens[(Math.random() * tokens.length) | 0]}`, headers: { ...(req.headers as object), "x-forwarded-for": ip() } }) }],
  });
  return { rps: r.requests.average, p99: r.latency.p99, bad: r.non2xx + r.errors };
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const db = process.env.SCALE_DB ?? "qjt_scale";
  const sql = postgres(`postgres://postgres@127.0.0.1:${process.env.SCALE_PRIMARY_PORT ?? 5432}/${db}`, { max: 1, onnotice: () => {} });
  const tokens = (await sql<{ token: string }[]>`select token from certificates where state = 'issued' order by random() limit 5000`).map((r) => r.token);
  await sql.end();
  if (!tokens.length) throw new Error(`no certificates in ${db}: run npm run scale:local first`);
  for (const u of [NGINX, ONE]) if (!(await fetch(`${u}/`).then((r) => r.ok, () => false))) throw new Error(`${u} does not answer: run npm run scale:local first`);
  await load(NGINX, tokens, 2); // warm both processes
  const one = await load(ONE, tokens, seconds);
  const two = await load(NGINX, tokens, seconds);
  console.log(`one process: ${one.rps.toFixed(0)} req/s p99 ${one.p99} ms; nginx → two processes: ${two.rps.toFixed(0)} req/s p99 ${two.p99} ms (non-2xx/errors ${one.bad}/${two.bad})`);
  report({ figure: "/v/{token} via nginx → 2 processes + replica, req/s", value: two.rps, unit: "req/s", baseline: one.rps, baselineLabel: "one process directly", target: "≥ 1× one process", met: two.rps >= one.rps && two.bad === 0 });
  report({ figure: "/v/{token} via nginx → 2 processes + replica, p99", value: two.p99, unit: "ms", baseline: one.p99, baselineLabel: "one process directly", target: "< 50 ms", met: two.p99 < 50 && two.bad === 0 });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
