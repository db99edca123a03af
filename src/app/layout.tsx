import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "强检通 · 计量器具强制检定服务平台", template: "%s · 强检通" },
  description: "工作计量器具强制检定的台账、备案、预约、检定、证书与监管一站式平台",
};
// Every page is rendered per request: its scripts carry that request's CSP nonce (src/proxy.ts).
export const dynamic = "force-dynamic";
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN" className={GeistSans.variable}>
      <body className="min-h-dvh antialiased">
        {/* No client providers here: the public pages need none (src/components/layout/app-providers.tsx). */}
        {children}
      </body>
    </html>
  );
}
