import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountFrame } from "@/components/accounts/account-frame";
import { MessageList } from "@/components/notify/message-list";
import { ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "站内消息" };
export const dynamic = "force-dynamic";

/** Issue 13 #2: the caller's in-app messages (every role). */
export default async function Page() {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/messages");
  if (user.mustChangePassword) redirect("/profile?force=1");
  return (
    <AccountFrame back={{ href: ROLE_HOME[user.role] ?? "/", label: "返回工作台" }}>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">站内消息</h1>
        <Link href="/messages/settings" className="ml-auto text-sm text-primary underline">
          通知设置
        </Link>
      </div>
      <MessageList />
    </AccountFrame>
  );
}
