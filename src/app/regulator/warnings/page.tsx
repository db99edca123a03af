import type { Metadata } from "next";
import { WarningsList } from "@/components/regulator/warnings-list";

export const metadata: Metadata = { title: "预警" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">预警</h1>
        <p className="text-sm text-muted-foreground">本辖区超期未检、无效和不合格的器具，附使用单位登记的联系电话和电子邮箱，便于督促送检。</p>
      </div>
      <WarningsList />
    </div>
  );
}
