import type { Metadata } from "next";
import { EnterpriseList } from "@/components/filing/enterprise-list";

export const metadata: Metadata = { title: "申报企业" };

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">申报企业</h1>
      <EnterpriseList />
    </div>
  );
}
