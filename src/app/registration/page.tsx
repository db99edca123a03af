import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountFrame } from "@/components/accounts/account-frame";
import { MyRegistration } from "@/components/accounts/my-registration";
import { ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "注册信息" };
export const dynamic = "force-dynamic";

/** R-ACC-3: the applicant sees its registration and review state; a rejected one is corrected here. */
export default async function Page() {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/registration");
  // Its data comes from procedures a forced password reset holds (issue 9 item 4): change the password first.
  if (user.mustChangePassword) redirect("/profile?force=1");
  if (!user.org || user.org.kind === "platform") redirect(ROLE_HOME[user.role] ?? "/");
  return (
    <AccountFrame back={{ href: ROLE_HOME[user.role] ?? "/", label: "返回" }}>
      <MyRegistration />
    </AccountFrame>
  );
}
