import type { Metadata } from "next";
import { Suspense } from "react";
import { EnterpriseAppointments } from "@/components/booking/enterprise-appointments";
import { chinaToday } from "@/lib/china-day";

export const metadata: Metadata = { title: "预约管理" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">预约管理</h1>
        <p className="text-sm text-muted-foreground">预约送检或现场检定：选择已备案的器具，按检定机构和检定方式生成预约单，选择日期和时段后提交。</p>
      </div>
      <Suspense>
        <EnterpriseAppointments thisYear={Number(chinaToday().slice(0, 4))} />
      </Suspense>
    </div>
  );
}
