import type { Metadata } from "next";
import { OutboxTable } from "@/components/accounts/outbox-table";

export const metadata: Metadata = { title: "消息发件箱" };

/** Every message the platform sent (SMS through the default provider lands here and in the server log). */
export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">消息发件箱</h1>
      <OutboxTable />
    </div>
  );
}
