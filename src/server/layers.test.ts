import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The import directions of ARCHITECTURE.md, checked on the source text so a wrong import fails a test
// instead of waiting for a review.
const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
}

function offenders(dir: string, forbidden: RegExp) {
  const files = sources(dir);
  expect(files.length, `${dir} has sources`).toBeGreaterThan(0);
  return files.flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${f} → ${i}`));
}

describe("layers (issue 8 steps 1–3, ARCHITECTURE.md)", () => {
  it("src/lib imports nothing from src/server", () => {
    expect(offenders("lib", /^@\/server|\/server\//)).toEqual([]);
  });
  // Building a drizzle SQL fragment from pure bounds (filing/buckets.ts) is allowed; opening or querying the
  // database is not.
  it("domain imports neither tRPC nor the database", () => {
    expect(offenders("server/domain", /^@trpc\/|^@\/server\/(db|services|api|auth)|^postgres|^@electric-sql/)).toEqual([]);
  });
  it("services and authz import nothing from the API layer", () => {
    expect([...offenders("server/services", /^@\/server\/api|^@trpc\//), ...offenders("server/authz", /^@\/server\/api|^@trpc\//)]).toEqual([]);
  });
  it("services, authz, auth and db (but the schema, which drizzle-kit loads) never reach a browser bundle", () => {
    const files = ["server/services", "server/authz", "server/auth", "server/db"].flatMap(sources).filter((f) => !f.includes("/db/schema/") && !f.endsWith(".d.ts"));
    expect(files.filter((f) => !readFileSync(path.join(root, f), "utf8").startsWith('import "server-only";'))).toEqual([]);
  });
  it("the domain error list knows no transport", () => {
    expect(importsOf("server/errors.ts").filter((i) => i.startsWith("@trpc/"))).toEqual([]);
  });
});
