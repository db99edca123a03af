import type { Metadata } from "next";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "审计日志" };

export default async function Page() {
  // First page rendered on the server through the same procedure (and guard), then hydrated in the browser.
  await getQueryClient().prefetchQuery(trpc.admin.auditLog.queryOptions({ limit: 30, cursor: null }));
  return (
    <HydrateClient>
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">审计日志</h1>
        <AuditTable />
      </div>
    </HydrateClient>
  );
}
