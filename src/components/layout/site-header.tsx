import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PUBLIC_NAV, ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";
import { Brand } from "./brand";

/** The public header: portal links, and sign-in or the way back to one's workbench. */
export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="border-b bg-background/95">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
        <Brand />
        <nav aria-label="门户导航" className="ml-auto hidden items-center gap-4 text-sm sm:flex">
          {PUBLIC_NAV.map((item) => (
            <Link key={item.href} href={item.href} className="text-muted-foreground hover:text-foreground">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2 sm:ml-0">
          {user ? (
            <Button asChild size="sm">
              <Link href={ROLE_HOME[user.role] ?? "/"}>进入工作台</Link>
            </Button>
          ) : (
            <Button asChild size="sm">
              <Link href="/login">登录</Link>
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}
