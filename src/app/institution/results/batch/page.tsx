import type { Metadata } from "next";
import { BatchEntry } from "@/components/reception/batch-entry";
import { idSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "录入检定结果" };

/** 检定结果登记 of one appointment (issue 10 item 6): single instruments and on-site batches alike. */
export default async function Page({ searchParams }: { searchParams: Promise<{ appointmentId?: string }> }) {
  const parsed = idSchema.safeParse((await searchParams).appointmentId);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">录入检定结果</h1>
        <p className="text-sm text-muted-foreground">逐台或批量填写检定结论、检定员、核验员、批准人和检定日期；有效期按器具种别的检定周期预填，可修改。按回车跳到下一行同一栏。</p>
      </div>
      {parsed.success ? <BatchEntry appointmentId={parsed.data} /> : <p className="text-sm text-destructive">未指定预约单，请从“检定结果”或“接收登记”进入。</p>}
    </div>
  );
}
