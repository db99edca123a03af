import type { Metadata } from "next";

/** Verification answers are for whoever holds the QR code, not for search engines (also the not-found page). */
export const metadata: Metadata = { title: "证书核验", robots: { index: false, follow: false, nocache: true } };

export default function Layout({ children }: { children: React.ReactNode }) {
  return children;
}
