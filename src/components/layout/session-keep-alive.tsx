"use client";

import { signOut } from "next-auth/react";
import { useEffect, useRef } from "react";

const IDLE_MS = 30 * 60_000;
const REFRESH_EVERY_MS = 4 * 60_000;

/**
 * R-ACC-5: the session lives 30 minutes from the last activity. While the person works, the session cookie
 * is renewed at most every 4 minutes; after 30 idle minutes the page signs out and says why.
 */
export function SessionKeepAlive() {
  const lastActivity = useRef(0);
  const lastRefresh = useRef(0);
  useEffect(() => {
    lastActivity.current = lastRefresh.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastRefresh.current > REFRESH_EVERY_MS) {
        lastRefresh.current = now;
        // An empty answer means the session is over (its absolute lifetime, or signed out elsewhere): say so.
        void fetch("/api/auth/session", { cache: "no-store" })
          .then((r) => r.json())
          .then((s: { uid?: number }) => {
            if (!s?.uid) void signOut({ callbackUrl: "/login?expired=1" });
          })
          .catch(() => {});
      }
    };
    const events = ["pointerdown", "keydown", "scroll", "touchstart"] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > IDLE_MS) {
        window.clearInterval(timer);
        void signOut({ callbackUrl: "/login?expired=1" });
      }
    }, 30_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, onActivity));
      window.clearInterval(timer);
    };
  }, []);
  return null;
}
