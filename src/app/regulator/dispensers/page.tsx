import type { Metadata } from "next";
import { DispensersPanel } from "@/components/regulator/dispensers-panel";

export const metadata: Metadata = { title: "加油机" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">加油机专用录入</h1>
        <p className="text-sm text-muted-foreground">
          为本辖区加油站登记燃油加油机及其监控微处理器、编码器、防作弊系统版本，可按模板批量导入，并查出版本与指定值不同的加油机。
        </p>
      </div>
      <DispensersPanel />
    </div>
  );
}
