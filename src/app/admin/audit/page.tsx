import type { Metadata } from "next";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "审计日志" };

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">审计日志</h1>
      <AuditTable />
    </div>
  );
}
