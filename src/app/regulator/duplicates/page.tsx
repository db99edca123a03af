import type { Metadata } from "next";
import { DuplicatesList } from "@/components/regulator/duplicates-list";

export const metadata: Metadata = { title: "重复登记" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">重复登记</h1>
        <p className="text-sm text-muted-foreground">同一生产厂家和出厂编号被两家使用单位登记的器具（可能已转让、搬迁或重复登记），至少一家在本辖区内。</p>
      </div>
      <DuplicatesList />
    </div>
  );
}
