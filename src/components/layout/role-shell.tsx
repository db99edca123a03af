import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ROLE_HOME, type NavRole } from "@/lib/navigation";
import { ORG_STATUS_LABEL, ROLE_LABEL } from "@/lib/words";
import { getSessionUser } from "@/server/auth/session";
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
  const pending = role !== "admin" && user.org?.status !== "approved";
  return (
    <div className="flex min-h-dvh flex-col">
      <SessionKeepAlive />
      <header className="sticky top-0 z-30 border-b bg-background">
        <div className="flex h-14 items-center gap-2 px-3 sm:px-4">
          <MobileNav role={role} />
          <Brand href={`/${role}`} />
          <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
            <div className="hidden min-w-0 text-right leading-tight sm:block">
              <div className="truncate font-medium">{user.org?.name ?? ROLE_LABEL[user.role]}</div>
              <div className="truncate text-xs text-muted-foreground">
                {user.displayName}（{user.username}）· {ROLE_LABEL[user.role]}
              </div>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <SidebarNav role={role} />
        <main className="min-w-0 flex-1 p-4 sm:p-6">
          {pending && user.org ? (
            <div className="rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm" role="status">
              <div className="mb-1 flex items-center gap-2 font-medium">
                注册审核状态 <Badge variant="warning">{ORG_STATUS_LABEL[user.org.status]}</Badge>
              </div>
              {user.org.status === "rejected" && user.org.rejectReason ? (
                <p>退回原因：{user.org.rejectReason}</p>
              ) : (
                <p>账户通过审核后即可办理业务。</p>
              )}
            </div>
          ) : (
            children
          )}
        </main>
      </div>
    </div>
  );
}
