"use client";

import { useCallback, useState } from "react";

/** Previous/next over keyset pages: remembers the cursors already passed so "上一页" works. */
export function useKeysetPages() {
  const [stack, setStack] = useState<(number | null)[]>([null]);
  const cursor = stack[stack.length - 1] ?? null;
  return {
    cursor,
    page: stack.length,
    hasPrev: stack.length > 1,
    next: useCallback((nextCursor: number | null) => {
      if (nextCursor !== null) setStack((s) => [...s, nextCursor]);
    }, []),
    prev: useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []),
    reset: useCallback(() => setStack([null]), []),
  };
}
