import type { Metadata } from "next";
import { Forecast } from "@/components/statistics/forecast";

export const metadata: Metadata = { title: "负荷预测" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">负荷预测</h1>
        <p className="text-sm text-muted-foreground">本机构辖区内及向本机构备案的器具在未来 13 周内到期的数量，与预约日历的可预约容量对比，超出容量的周次标红。</p>
      </div>
      <Forecast role="institution" />
    </div>
  );
}
