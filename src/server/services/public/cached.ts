import "server-only";
import { unstable_cache } from "next/cache";
import { getReadDb } from "@/server/db";
import type { DirectoryFilter } from "@/lib/schemas/directory";
import { directoryEntry, directoryRegions, listDirectory } from "./directory";
import { currentCatalogue } from "@/server/services/catalogue/current";
import { listPublishedNotices } from "@/server/services/regulator/notices";
import { latestPublicity } from "./publicity";

/**
 * Seconds the public home's, catalogue's and directory's data are reused between requests (they change rarely;
 * issue 11 #7). The production server also keeps the rendered pages for PAGE_CACHE_SECONDS (30, server-page-cache.mjs),
 * so a change shows on these pages within a minute at most.
 */
export const PUBLIC_REVALIDATE = 30;

/** The home's 公示 list, shared by every visitor for PUBLIC_REVALIDATE seconds: the home renders without a query. */
export const cachedPublicity = unstable_cache(async () => latestPublicity(await getReadDb(), 10), ["public-publicity"], { revalidate: PUBLIC_REVALIDATE });

/** The home's latest published notices (issue 11 #4), shared like the 公示 list (dates as ISO text: the cache stores JSON). */
export const cachedLatestNotices = unstable_cache(
  async () => {
    const { items } = await listPublishedNotices(await getReadDb(), { limit: 5 });
    return items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, regulatorName: n.regulatorName, publishedAt: n.publishedAt?.toISOString() ?? null }));
  },
  ["public-latest-notices"],
  { revalidate: PUBLIC_REVALIDATE },
);

/** The directory's pages, regions and details, each shared for PUBLIC_REVALIDATE seconds (keyed by the filter). */
export const cachedDirectory = unstable_cache(async (f: DirectoryFilter) => listDirectory(await getReadDb(), f), ["public-directory"], { revalidate: PUBLIC_REVALIDATE });
export const cachedDirectoryRegions = unstable_cache(async () => directoryRegions(await getReadDb()), ["public-directory-regions"], { revalidate: PUBLIC_REVALIDATE });
export const cachedDirectoryEntry = unstable_cache(async (id: number) => directoryEntry(await getReadDb(), id), ["public-directory-entry"], { revalidate: PUBLIC_REVALIDATE });

/** The current catalogue for the public browser, shared for PUBLIC_REVALIDATE seconds (an import shows within a minute). */
export const cachedCatalogue = unstable_cache(
  async () => {
    const { version, kinds } = await currentCatalogue(await getReadDb());
    return { version: version ? { name: version.name, importedAt: version.importedAt.toISOString() } : null, kinds };
  },
  ["public-catalogue"],
  { revalidate: PUBLIC_REVALIDATE },
);
