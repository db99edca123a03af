import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountFrame } from "@/components/accounts/account-frame";
import { ProfileForms } from "@/components/accounts/profile-forms";
import { ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "账户设置" };
export const dynamic = "force-dynamic";

/** Profile (issue 3 item 7): change password with the old one, contact details. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/profile");
  const sp = await searchParams;
  return (
    <AccountFrame bell={!user.mustChangePassword} back={user.mustChangePassword ? undefined : { href: ROLE_HOME[user.role] ?? "/", label: "返回" }}>
      <h1 className="text-xl font-semibold">账户设置</h1>
      {user.mustChangePassword || sp.force ? (
        <p className="rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm" role="status" data-testid="must-change-password">
          平台管理员要求您设置新密码，设置后请重新登录。
        </p>
      ) : null}
      <ProfileForms forced={user.mustChangePassword} />
    </AccountFrame>
  );
}
