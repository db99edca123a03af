import type { Metadata } from "next";
import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/trpc/server";
import { CatalogueImport } from "./catalogue-import";

export const metadata: Metadata = { title: "器具目录" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const { version, kinds } = await (await serverCaller()).catalogue.current();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">器具目录</h1>
          <p className="text-sm text-muted-foreground">
            {version ? `当前版本：${version.name}（${formatDateTime(version.importedAt)} 导入，${kinds.length} 个种别）` : "尚未导入目录"}
          </p>
        </div>
        <CatalogueImport />
      </div>
      <CatalogueTable kinds={kinds} />
    </div>
  );
}
