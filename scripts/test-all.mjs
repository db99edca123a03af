// `npm test`: unit and integration tests (vitest), then end-to-end tests (Playwright) against a production
// build on a fresh embedded database. Prints one closing line `N passed, N failed` from the JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const skipE2e = process.argv.includes("--no-e2e") || process.env.SKIP_E2E === "1";
mkdirSync("reports", { recursive: true });
for (const f of ["reports/vitest.json", "reports/playwright.json"]) rmSync(f, { force: true });

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

let failedSteps = 0;
failedSteps += run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"]) ? 1 : 0;

if (!skipE2e) {
  // e2e always runs on the embedded database of a production build, whatever DATABASE_URL says.
  const buildStatus = run("npx", ["next", "build"], { DATABASE_URL: "" });
  if (buildStatus) failedSteps += 1;
  else failedSteps += run("npx", ["playwright", "test"], { DATABASE_URL: "", PLAYWRIGHT_JSON_OUTPUT_NAME: "reports/playwright.json" }) ? 1 : 0;
}

let passed = 0;
let failed = 0;
if (existsSync("reports/vitest.json")) {
  const v = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync("reports/playwright.json")) {
  const p = JSON.parse(readFileSync("reports/playwright.json", "utf8"));
  passed += p.stats.expected + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected;
}
if (failedSteps && failed === 0) failed = failedSteps; // a step that crashed before reporting still fails
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
