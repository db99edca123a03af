import type { Metadata } from "next";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "用户" };

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">用户</h1>
      <UsersTable />
    </div>
  );
}
