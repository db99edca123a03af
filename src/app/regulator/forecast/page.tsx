import type { Metadata } from "next";
import { Forecast } from "@/components/statistics/forecast";

export const metadata: Metadata = { title: "负荷预测" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">负荷预测</h1>
        <p className="text-sm text-muted-foreground">辖区内各检定机构未来 13 周到期的器具与可预约容量，超出容量的周次标红。</p>
      </div>
      <Forecast role="regulator" />
    </div>
  );
}
