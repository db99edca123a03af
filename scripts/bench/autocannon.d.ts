// The part of autocannon 9 (no bundled types) the public-pages bench uses.
declare module "autocannon" {
  type Stats = { average: number; p50: number; p99: number };
  type Result = { requests: Stats; latency: Stats; non2xx: number; errors: number };
  export default function autocannon(opts: Record<string, unknown>): Promise<Result>;
}
