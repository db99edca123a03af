import type { Metadata } from "next";
import { Suspense } from "react";
import { SupervisionList } from "@/components/regulator/supervision-list";

export const metadata: Metadata = { title: "辖区仪器" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">辖区仪器</h1>
        <p className="text-sm text-muted-foreground">按地区、分类、项别、用途和检定机构查询本辖区的强检器具及其使用单位，可导出 Excel。</p>
      </div>
      <Suspense>
        <SupervisionList />
      </Suspense>
    </div>
  );
}
