import type { Metadata } from "next";
import { MembersTable } from "@/components/accounts/members-table";

export const metadata: Metadata = { title: "成员管理" };

/** Seed 004 2.5: the owner approves, rejects or removes personal users linked to the enterprise. */
export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">成员管理</h1>
      <p className="text-sm text-muted-foreground">个人用户凭本单位统一社会信用代码申请关联；单位管理员可通过、拒绝或删除。</p>
      <MembersTable />
    </div>
  );
}
