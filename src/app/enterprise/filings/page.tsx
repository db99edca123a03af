import type { Metadata } from "next";
import { EnterpriseFilings } from "@/components/filing/enterprise-filings";

export const metadata: Metadata = { title: "备案管理" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">备案管理</h1>
        <p className="text-sm text-muted-foreground">选择待备案的器具，向覆盖其所在地并具备检定能力的计量技术机构申请备案。</p>
      </div>
      <EnterpriseFilings />
    </div>
  );
}
