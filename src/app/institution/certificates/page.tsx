import type { Metadata } from "next";
import { DocumentTable } from "@/components/certificates/document-table";
import { NumberTemplates } from "@/components/certificates/number-templates";

export const metadata: Metadata = { title: "证书管理" };

/** 证书管理 (issue 10 items 7, 8): what the institution issued — download, fees, re-issue — and its number templates. */
export default function Page() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">证书管理</h1>
        <p className="text-sm text-muted-foreground">本机构出具的检定证书和检定结果通知书：下载、登记费用与确认缴费、撤销并重新出具。</p>
      </div>
      <DocumentTable reader="institution" />
      <NumberTemplates />
    </div>
  );
}
