"use client";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { APPOINTMENT_ITEM_STATE_LABEL } from "@/lib/vocab";
import type { AppointmentData } from "./use-appointment";

/** The instruments of the appointment with their state in it (待接收, 已接收, 已出结果, 已取消, 已退单). */
export function AppointmentItems({ a }: { a: AppointmentData }) {
  return (
    <section aria-labelledby="apt-items" className="space-y-2">
      <h2 id="apt-items" className="font-medium">
        检定器具（{a.items.length} 台件）
      </h2>
      <Table aria-labelledby="apt-items">
        <TableHeader>
          <TableRow>
            <TableHead>器具名称</TableHead>
            <TableHead>出厂编号</TableHead>
            <TableHead className="hidden md:table-cell">型号规格</TableHead>
            <TableHead className="hidden md:table-cell">生产厂家</TableHead>
            <TableHead className="hidden lg:table-cell">器具编码</TableHead>
            <TableHead>状态</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {a.items.map((i) => (
            <TableRow key={i.id} data-testid={`item-${i.serialNo}`}>
              <TableCell className="font-medium">
                {i.name}
                <div className="text-xs text-muted-foreground">{i.kindName}</div>
              </TableCell>
              <TableCell className="font-mono">{i.serialNo}</TableCell>
              <TableCell className="hidden md:table-cell">{i.model}</TableCell>
              <TableCell className="hidden md:table-cell">{i.manufacturer}</TableCell>
              <TableCell className="hidden font-mono lg:table-cell">{i.instrumentCode ?? "—"}</TableCell>
              <TableCell>
                <Badge variant={i.state === "cancelled" || i.state === "returned" ? "outline" : i.state === "done" ? "success" : "secondary"}>{APPOINTMENT_ITEM_STATE_LABEL[i.state]}</Badge>
                {i.reason && i.state === "returned" ? <div className="mt-1 max-w-48 text-xs whitespace-normal text-muted-foreground">{i.reason}</div> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
