import type { Metadata } from "next";
import { Suspense } from "react";
import { StatisticsDashboard } from "@/components/statistics/dashboard";

export const metadata: Metadata = { title: "统计分析" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">统计分析</h1>
        <p className="text-sm text-muted-foreground">本辖区计量器具、备案、到期与检定情况，点击地区逐级查看，点击数字查看对应器具。</p>
      </div>
      <Suspense>
        <StatisticsDashboard />
      </Suspense>
    </div>
  );
}
