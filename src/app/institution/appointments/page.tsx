import type { Metadata } from "next";
import { DeskList } from "@/components/appointments/desk/desk-list";

export const metadata: Metadata = { title: "预约确认" };

/** 预约确认 (issue 10 item 3): the appointments enterprises made with this institution. */
export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">预约确认</h1>
        <p className="text-sm text-muted-foreground">确认企业提交的预约，必要时修改预约时间或拒绝（可同时取消器具的备案状态）。</p>
      </div>
      <DeskList />
    </div>
  );
}
