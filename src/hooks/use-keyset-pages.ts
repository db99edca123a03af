"use client";

import { useCallback, useState } from "react";

/**
 * Previous/next over keyset pages: remembers the cursors already passed so "上一页" works. Cursors are ids
 * by default, or the opaque strings of lists sorted by more than the id (`useKeysetPages<string>()`).
 */
export function useKeysetPages<C extends string | number = number>() {
  const [stack, setStack] = useState<(C | null)[]>([null]);
  const cursor = stack[stack.length - 1] ?? null;
  return {
    cursor,
    page: stack.length,
    hasPrev: stack.length > 1,
    next: useCallback((nextCursor: C | null) => {
      if (nextCursor !== null) setStack((s) => [...s, nextCursor]);
    }, []),
    prev: useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []),
    reset: useCallback(() => setStack([null]), []),
  };
}
