// `npm test`: unit and integration tests (vitest), then end-to-end tests (Playwright) against a production
// build, each spec file on its own fresh embedded database. Prints one closing line `N passed, N failed` from the JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const skipE2e = process.argv.includes("--no-e2e") || process.env.SKIP_E2E === "1";
rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

let failedSteps = 0;
failedSteps += run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"]) ? 1 : 0;

if (!skipE2e) {
  // e2e always runs on the embedded database of a production build, whatever DATABASE_URL says.
  const buildStatus = run("npm", ["run", "build"], { DATABASE_URL: "" });
  if (buildStatus) failedSteps += 1;
  else {
    // Each spec file gets its own server on a fresh embedded database (the config's webServer starts one per
    // run): a walk-through then starts from the demo data, whatever another file's walk-through changed.
    const specs = readdirSync("e2e").filter((f) => f.endsWith(".spec.ts")).sort();
    specs.forEach((spec, i) => {
      failedSteps += run("npx", ["playwright", "test", `e2e/${spec}`], { DATABASE_URL: "", PLAYWRIGHT_JSON_OUTPUT_NAME: `reports/playwright-${i}.json` }) ? 1 : 0;
    });
  }
}

let passed = 0;
let failed = 0;
if (existsSync("reports/vitest.json")) {
  const v = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
for (const f of readdirSync("reports").filter((n) => /^playwright-\d+\.json$/.test(n))) {
  const p = JSON.parse(readFileSync(`reports/${f}`, "utf8"));
  passed += p.stats.expected + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected;
}
if (failedSteps && failed === 0) failed = failedSteps; // a step that crashed before reporting still fails
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
