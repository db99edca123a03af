import { SiteHeader } from "@/components/layout/site-header";

export const dynamic = "force-dynamic";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto w-full max-w-6xl flex-1 p-4 sm:p-6">{children}</main>
      <footer className="border-t py-4 text-center text-xs text-muted-foreground">强检通 · 开源的计量器具强制检定服务平台</footer>
    </div>
  );
}
