import { redirect } from "next/navigation";
import { Brand } from "@/components/layout/brand";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** Personal users not (yet) linked to an enterprise land here. */
export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/account");
  if (user.role !== "personal") redirect(ROLE_HOME[user.role] ?? "/");
  return (
    <div className="mx-auto max-w-lg space-y-4 p-4">
      <div className="flex items-center justify-between">
        <Brand />
        <SignOutButton />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>个人账户</CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          <p>
            {user.displayName}（{user.username}）尚未关联使用单位。关联后即可代表单位办理业务。
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
