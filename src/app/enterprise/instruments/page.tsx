import type { Metadata } from "next";
import { PrepareDueButton } from "@/components/booking/prepare-due-button";
import { LedgerTable } from "@/components/ledger/ledger-table";

export const metadata: Metadata = { title: "仪器管理" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">仪器管理 · 全部仪器</h1>
        <PrepareDueButton />
      </div>
      <LedgerTable />
    </div>
  );
}
