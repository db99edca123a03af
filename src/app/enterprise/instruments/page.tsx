import type { Metadata } from "next";
import { LedgerTable } from "@/components/ledger/ledger-table";

export const metadata: Metadata = { title: "仪器管理" };

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">仪器管理 · 全部仪器</h1>
      <LedgerTable />
    </div>
  );
}
