// `npm start` runs this first: build the production bundle when there is none, or when the sources are
// newer than it, so `npm install && npm start` is all a newcomer types.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const buildId = path.join(root, ".next", "BUILD_ID");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const inputs = ["src", "drizzle", "public"].filter((d) => existsSync(path.join(root, d)));
const sourcesAt = Math.max(
  ...inputs.map((d) => newestMtime(path.join(root, d))),
  ...["package.json", "next.config.mjs"].map((f) => statSync(path.join(root, f)).mtimeMs),
);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// The public lookups' bundle (scripts/build-public-lookups.mjs) is part of the build: made when it is missing.
const lookupsBundle = path.join(root, ".next", "qjt", "public-lookups.mjs");
if (existsSync(buildId) && statSync(buildId).mtimeMs >= sourcesAt) {
  if (existsSync(lookupsBundle) && statSync(lookupsBundle).mtimeMs >= sourcesAt) process.exit(0);
  process.exit(spawnSync("node", ["scripts/build-public-lookups.mjs"], { stdio: "inherit", env }).status ?? 1);
}

console.log("[强检通] 正在构建生产版本（首次启动约需 1–2 分钟）…");
const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
