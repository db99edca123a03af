import type { Metadata } from "next";
import { AuthorisationEditor } from "@/components/directory/authorisation-editor";
import { CapabilityTable } from "@/components/filing/capability-table";

export const metadata: Metadata = { title: "检定能力" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">检定能力维护</h1>
        <p className="text-sm text-muted-foreground">按器具种别和检定方式维护本机构的检定能力与覆盖区域；企业备案时据此推荐和分配机构。</p>
      </div>
      <section className="space-y-2" aria-labelledby="authorisation">
        <h2 id="authorisation" className="font-medium">
          授权信息（在机构名录中公开）
        </h2>
        <AuthorisationEditor />
      </section>
      <CapabilityTable />
    </div>
  );
}
