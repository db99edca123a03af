// `npm run build` runs this after `next build`: bundles src/server/http/public-lookups-node.ts (the public
// lookups /v/, /i/ and /search, answered by server.mjs without Next's request pipeline — issue 11 #7) into
// .next/qjt/public-lookups.mjs. Only the project's own code is bundled; packages stay in node_modules.
import { build } from "esbuild";
import path from "node:path";

/** Where server.mjs looks for it (the same path as its PUBLIC_LOOKUPS_BUNDLE). */
export const PUBLIC_LOOKUPS_BUNDLE = path.join(".next", "qjt", "public-lookups.mjs");

/** `server-only` refuses to load outside React's server condition; server.mjs is a server, so it is empty here. */
const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

export async function buildPublicLookups({ root = process.cwd(), outfile = path.join(root, PUBLIC_LOOKUPS_BUNDLE) } = {}) {
  await build({
    entryPoints: [path.join(root, "src/server/http/public-lookups-node.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [serverOnly],
    logLevel: "warning",
    legalComments: "none",
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildPublicLookups();
  console.log(`[强检通] 公开查询直通模块：${path.relative(process.cwd(), out)}`);
}
