import type { Metadata } from "next";
import { DocumentTable } from "@/components/certificates/document-table";

export const metadata: Metadata = { title: "证书" };

/** 证书 (issue 10 item 7): the enterprise's certificates and fail notices, to download one by one or as a zip. */
export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">证书</h1>
        <p className="text-sm text-muted-foreground">本单位器具的检定证书和检定结果通知书。证书上的二维码可供监管人员扫码核验；有待缴费用的证书须待检定机构确认缴费后下载。</p>
      </div>
      <DocumentTable reader="enterprise" />
    </div>
  );
}
