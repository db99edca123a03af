import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountFrame } from "@/components/accounts/account-frame";
import { OrgNotifySettings, PreferencesForm } from "@/components/notify/notify-settings";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "通知设置" };
export const dynamic = "force-dynamic";

/** Issue 13 #5: the caller's channels per event; the organisation's contacts and webhook for its owner. */
export default async function Page() {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/messages/settings");
  if (user.mustChangePassword) redirect("/profile?force=1");
  return (
    <AccountFrame back={{ href: "/messages", label: "返回站内消息" }}>
      <h1 className="text-xl font-semibold">通知设置</h1>
      <PreferencesForm />
      <OrgNotifySettings />
    </AccountFrame>
  );
}
