"use client";

import { KeysetPagination } from "@/components/ui/pagination";

/** The pager under every keyset list: previous/next over the cursors a keyset-pages hook remembers. */
export function ListPager<C extends string | number>({
  pages,
  nextCursor,
  busy,
}: {
  pages: { hasPrev: boolean; page: number; prev: () => void; next: (cursor: C | null) => unknown };
  nextCursor: C | null | undefined;
  busy?: boolean;
}) {
  return (
    <KeysetPagination
      hasPrev={pages.hasPrev}
      hasNext={nextCursor != null}
      onPrev={pages.prev}
      onNext={() => pages.next(nextCursor ?? null)}
      disabled={busy}
      summary={`第 ${pages.page} 页`}
    />
  );
}
