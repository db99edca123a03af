import type { Metadata } from "next";
import { ResultList } from "@/components/reception/result-list";

export const metadata: Metadata = { title: "检定结果" };

/** 检定结果 (issue 10 item 6): awaiting results and recorded ones of the caller's institution. */
export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">检定结果</h1>
        <p className="text-sm text-muted-foreground">已接收的器具在此录入检定结果（现场检定可整单批量录入）；合格出具检定证书，不合格出具检定结果通知书。</p>
      </div>
      <ResultList />
    </div>
  );
}
