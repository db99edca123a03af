import Link from "next/link";
import { redirect } from "next/navigation";
import { UserCog } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { ROLE_HOME, type NavRole } from "@/lib/navigation";
import { ORG_STATUS_LABEL, ROLE_LABEL } from "@/lib/words";
import { getSessionUser } from "@/server/auth/session";
import { MessageBell } from "@/components/notify/bell";
import { AppProviders } from "./app-providers";
import { Brand } from "./brand";
import { SessionKeepAlive } from "./session-keep-alive";
import { MobileNav, SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";

/**
 * The frame of every signed-in page of one role. It checks the role for navigation only: each procedure
 * checks again, and that is the real guard.
 */
export async function RoleShell({ role, children }: { role: NavRole; children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/${role}`)}`);
  if (user.role !== role) redirect(ROLE_HOME[user.role] ?? "/");
  // An administrator asked for a new password (issue 3): nothing else until it is changed.
  if (user.mustChangePassword) redirect("/profile?force=1");
  const navOrg = user.org ? { kind: user.org.kind, level: user.org.level, institutionKind: user.org.institutionKind } : null;
  const pending = role !== "admin" && user.org?.status !== "approved";
  return (
    <AppProviders>
      <div className="flex min-h-dvh flex-col">
        <SessionKeepAlive />
        <header className="sticky top-0 z-30 border-b bg-background print:hidden">
          <div className="flex h-14 items-center gap-2 px-3 sm:px-4">
            <MobileNav role={role} org={navOrg} />
            <Brand href={`/${role}`} />
            <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
              <div className="hidden min-w-0 text-right leading-tight sm:block">
                <div className="truncate font-medium">{user.org?.name ?? ROLE_LABEL[user.role]}</div>
                <div className="truncate text-xs text-muted-foreground">
                  {user.displayName}（{user.username}）· {ROLE_LABEL[user.role]}
                </div>
              </div>
              <MessageBell />
              <Button variant="ghost" size="sm" asChild>
                <Link href="/profile" aria-label="账户设置">
                  <UserCog aria-hidden />
                  <span className="hidden md:inline">账户设置</span>
                </Link>
              </Button>
              <SignOutButton />
            </div>
          </div>
        </header>
        <div className="flex flex-1">
          <SidebarNav role={role} org={navOrg} />
          <main className="min-w-0 flex-1 p-4 sm:p-6 print:p-0">
            {pending && user.org ? (
              <div className="rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm" role="status">
                <div className="mb-1 flex items-center gap-2 font-medium">
                  注册审核状态 <Badge variant="warning">{ORG_STATUS_LABEL[user.org.status]}</Badge>
                </div>
                {user.org.status === "rejected" && user.org.rejectReason ? (
                  <p data-testid="reject-reason">退回原因：{user.org.rejectReason}</p>
                ) : user.org.status === "disabled" ? (
                  <p>本单位账户已停用，请联系平台管理员。</p>
                ) : (
                  <p>账户通过审核后即可办理业务。</p>
                )}
                {user.org.status === "pending" || user.org.status === "rejected" ? (
                  <Button asChild size="sm" className="mt-3" variant={user.org.status === "rejected" ? "default" : "outline"}>
                    <Link href="/registration">{user.org.status === "rejected" ? "修改并重新提交" : "查看注册信息"}</Link>
                  </Button>
                ) : null}
              </div>
            ) : (
              children
            )}
          </main>
        </div>
      </div>
    </AppProviders>
  );
}
