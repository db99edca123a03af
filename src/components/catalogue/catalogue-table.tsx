import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PURPOSE_LABEL, REGIME_LABEL } from "@/lib/words";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type Kinds = inferRouterOutputs<AppRouter>["catalogue"]["current"]["kinds"];

/** The catalogue as the manuals show it: 项别, 种别, 监管方式, 用途, 检定管理. */
export function CatalogueTable({ kinds }: { kinds: Kinds }) {
  if (!kinds.length) return <EmptyState title="目录暂无数据" description="请平台管理员导入《实施强制管理的计量器具目录》" />;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>项别</TableHead>
          <TableHead>种别</TableHead>
          <TableHead>监管方式</TableHead>
          <TableHead>强制检定用途</TableHead>
          <TableHead>检定管理</TableHead>
          <TableHead>说明</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {kinds.map((k) => (
          <TableRow key={k.id}>
            <TableCell>{k.itemName}</TableCell>
            <TableCell className="font-medium">{k.name}</TableCell>
            <TableCell>
              <Badge variant={k.supervision === "P" ? "secondary" : "default"}>{k.supervision}</Badge>
            </TableCell>
            <TableCell>{k.purposes.map((p) => PURPOSE_LABEL[p]).join("、") || "—"}</TableCell>
            <TableCell className="whitespace-nowrap">
              {k.regime ? REGIME_LABEL[k.regime] : k.supervision === "P" ? "不受理强制检定" : "—"}
              {k.periodMonths ? `（周期 ${k.periodMonths} 个月）` : ""}
              {k.serviceLifeYears ? `（使用不超过 ${k.serviceLifeYears} 年）` : ""}
            </TableCell>
            <TableCell className="max-w-xs whitespace-normal text-muted-foreground">{k.notes ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
