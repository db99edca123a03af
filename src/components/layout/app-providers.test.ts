import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The tRPC/react-query provider and the toasts live in the layouts that use them (AppProviders), not in the
// root layout: the public pages then load no client code of theirs (issue 11 #7). Two ways that goes wrong,
// checked on the import graph of the source: a page whose components call tRPC hooks or toast without an
// AppProviders above it (the hooks throw, the toasts never show), or the provider creeping back onto the
// public pages.
const src = path.resolve(import.meta.dirname, "../..");
const rel = (abs: string) => path.relative(src, abs);

const PROVIDERS = "components/layout/app-providers.tsx";
// Importing these means needing the provider (or, for the toast, the mounted Toaster).
const NEEDS = /^(@\/trpc\/react|@\/components\/ui\/toast|@tanstack\/react-query|sonner)$/;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(src, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(path.join(src, from)), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(c) && /\.tsx?$/.test(c)) return rel(c);
  }
  return null;
}

const importCache = new Map<string, string[]>();
function importsOf(file: string): string[] {
  let specs = importCache.get(file);
  if (!specs) {
    const text = readFileSync(path.join(src, file), "utf8");
    // Type-only imports never reach a bundle.
    specs = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s*)?"([^"]+)"/gm)].map((m) => m[1]!);
    importCache.set(file, specs);
  }
  return specs;
}

const isServerOnly = (file: string) => /^import "server-only";/m.test(readFileSync(path.join(src, file), "utf8"));

/** Every source file a file reaches through its (non-type) imports, itself included. */
function closure(file: string): Set<string> {
  const seen = new Set<string>([file]);
  const todo = [file];
  while (todo.length) {
    const f = todo.pop()!;
    // The provider's own imports are what it provides, not what needs it; server-only modules (the server's
    // tRPC caller and its hydration) never reach the browser.
    if (f === PROVIDERS || isServerOnly(f)) continue;
    for (const spec of importsOf(f)) {
      const r = resolve(f, spec);
      // Imported but not rendered provides nothing.
      if (r === PROVIDERS && !readFileSync(path.join(src, f), "utf8").includes("<AppProviders>")) continue;
      if (r && !seen.has(r)) {
        seen.add(r);
        todo.push(r);
      }
    }
  }
  return seen;
}

const needsProvider = (file: string) => file !== PROVIDERS && !isServerOnly(file) && importsOf(file).some((s) => NEEDS.test(s));

const pages = readdirSync(path.join(src, "app"), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /^page\.tsx?$/.test(e.name))
  .map((e) => rel(path.join(e.parentPath, e.name)));

/** The page and the layouts above it, root first. */
function chain(page: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(page);
  for (;;) {
    for (const name of ["layout.tsx", "layout.ts"]) if (existsSync(path.join(src, dir, name))) out.unshift(path.join(dir, name));
    if (dir === "app") break;
    dir = path.dirname(dir);
  }
  return [...out, page];
}

describe("AppProviders sits above every page that uses tRPC hooks or toasts, and only there (issue 11 #7)", () => {
  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it("every page whose components need the provider has AppProviders in its layouts or itself", () => {
    const missing = pages.flatMap((page) => {
      const files = chain(page).flatMap((f) => [...closure(f)]);
      const users = [...new Set(files.filter(needsProvider))];
      return users.length && !files.includes(PROVIDERS) ? [`${page} (uses it: ${users.join(", ")})`] : [];
    });
    expect(missing).toEqual([]);
  });

  it("the root layout and the public pages load neither the provider nor anything that needs it", () => {
    const publicPages = pages.filter((p) => p.startsWith("app/(public)/"));
    expect(publicPages.length).toBeGreaterThanOrEqual(5);
    const found = ["app/layout.tsx", ...publicPages.flatMap(chain)].flatMap((f) =>
      [...closure(f)].filter((c) => c === PROVIDERS || needsProvider(c)).map((c) => `${f} → ${c}`),
    );
    expect([...new Set(found)]).toEqual([]);
  });
});

describe("what every page loads (issue 11 #7)", () => {
  // The root error boundary is a client component whose code comes with every page; <Button> there cost each
  // page ~33 KiB (Radix Slot, cva, tailwind-merge).
  it("the root error boundary imports none of our modules", () => {
    expect(importsOf("app/error.tsx").filter((s) => s.startsWith("@/") || s.startsWith("."))).toEqual([]);
  });
});
