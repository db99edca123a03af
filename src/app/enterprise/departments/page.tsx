import type { Metadata } from "next";
import { DepartmentsEditor } from "@/components/accounts/departments-editor";

export const metadata: Metadata = { title: "部门管理" };

/** Seed 003: departments that use the instruments; names of at most 8 characters. */
export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">部门管理</h1>
      <p className="text-sm text-muted-foreground">设置本单位使用计量器具的所有部门，部门名称最多 8 个字。</p>
      <DepartmentsEditor />
    </div>
  );
}
