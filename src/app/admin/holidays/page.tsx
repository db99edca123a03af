import type { Metadata } from "next";
import { HolidaySettings } from "@/components/appointments/holiday-settings";
import { chinaToday } from "@/lib/china-day";

export const metadata: Metadata = { title: "节假日设置" };

/** Issue 10 #1: the platform holiday calendar (法定节假日, 调休上班) that every appointment date follows. */
export default function Page() {
  const year = Number(chinaToday().slice(0, 4));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">节假日设置</h1>
      <p className="text-sm text-muted-foreground">
        平台节假日表来自 chinese-days 数据包，管理员可按国务院办公厅每年发布的放假安排补充或更正。法定节假日不受理预约，调休上班的周末照常受理。
      </p>
      <HolidaySettings initialYear={year} />
    </div>
  );
}
