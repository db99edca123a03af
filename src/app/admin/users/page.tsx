import type { Metadata } from "next";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "用户" };

export default async function Page() {
  // First page rendered on the server through the same procedure (and guard), then hydrated in the browser.
  await getQueryClient().prefetchQuery(trpc.admin.users.queryOptions({ limit: 20, cursor: null }));
  return (
    <HydrateClient>
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">用户</h1>
        <UsersTable />
      </div>
    </HydrateClient>
  );
}
