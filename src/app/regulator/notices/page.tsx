import type { Metadata } from "next";
import { NoticesEditor } from "@/components/regulator/notices-editor";

export const metadata: Metadata = { title: "公示公告" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">公示公告</h1>
        <p className="text-sm text-muted-foreground">发布、修改、撤回本辖区的通知公告与公示。已发布的公告在门户“公示公告”栏目向公众公开。</p>
      </div>
      <NoticesEditor />
    </div>
  );
}
