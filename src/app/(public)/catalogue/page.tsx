import type { Metadata } from "next";
import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { dayIn } from "@/lib/china-day";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "强检目录" };

export default async function CataloguePage() {
  const { version, kinds } = await (await serverCaller()).catalogue.current();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">实施强制管理的计量器具目录</h1>
        <p className="text-sm text-muted-foreground">
          监管方式：P 为型式批准，V 为强制检定，P+V 为两者均需。仅 V 或 P+V 的种别可申请强制检定备案。
        </p>
        {version ? (
          <p className="text-sm text-muted-foreground" data-testid="catalogue-version">
            当前版本：{version.name}，{dayIn(new Date(version.importedAt))} 更新，共 {kinds.length} 个种别
          </p>
        ) : null}
      </div>
      <CatalogueTable kinds={kinds} />
    </div>
  );
}
