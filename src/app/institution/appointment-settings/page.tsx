import type { Metadata } from "next";
import { AppointmentSettings } from "@/components/appointments/appointment-settings";

export const metadata: Metadata = { title: "预约设置" };

/** Issue 10 #1: the institution's slots, capacities and closed days (R-APT-5). */
export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">预约设置</h1>
      <p className="text-sm text-muted-foreground">设置每个工作日受理预约的时段与容量，以及本机构停止受理的日期。企业只能预约明天及以后的工作日。</p>
      <AppointmentSettings />
    </div>
  );
}
