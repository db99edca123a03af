import { redirect } from "next/navigation";
import Link from "next/link";
import { AccountFrame } from "@/components/accounts/account-frame";
import { JoinEnterprise } from "@/components/accounts/join-enterprise";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/**
 * Personal users not (yet) linked to an enterprise land here (seed 004 2.5): apply to join by USCC, follow
 * the request; once the owner approves they become enterprise members and land on /enterprise instead.
 */
export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/account");
  if (user.role !== "personal") redirect(ROLE_HOME[user.role] ?? "/");
  if (user.mustChangePassword) redirect("/profile?force=1");
  return (
    <AccountFrame>
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 data-testid="personal-home">个人账户</h1>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-2 text-sm">
          <p>
            {user.displayName}（{user.username}）尚未关联使用单位。关联后即可代表单位办理业务。
          </p>
          <Link className="text-primary underline" href="/profile">
            账户设置（修改密码、联系方式）
          </Link>
        </CardContent>
      </Card>
      <JoinEnterprise />
    </AccountFrame>
  );
}
