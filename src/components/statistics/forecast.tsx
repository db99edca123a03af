"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ListState } from "@/components/list/list-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { HorizontalBars } from "./charts";

type Week = { from: string; to: string; demand: number; capacity: number; over: boolean };
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function Weeks({ weeks, yearsWithoutData }: { weeks: Week[]; yearsWithoutData: number[] }) {
  return (
    <div className="space-y-3">
      {yearsWithoutData.length ? <p className="text-xs text-amber-700">{yearsWithoutData.join("、")} 年尚无节假日数据，容量按周一至周五估算。</p> : null}
      <HorizontalBars
        data={weeks.map((w) => ({ name: `${md(w.from)}起`, demand: w.demand, capacity: w.capacity }))}
        series={[
          { key: "demand", label: "到期器具", color: "#f59e0b" },
          { key: "capacity", label: "可预约容量", color: "#2563eb" },
        ]}
      />
      <Table data-testid="forecast-weeks">
        <TableHeader>
          <TableRow>
            <TableHead>周次</TableHead>
            <TableHead>日期</TableHead>
            <TableHead className="text-right">到期器具</TableHead>
            <TableHead className="text-right">可预约容量</TableHead>
            <TableHead>负荷</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {weeks.map((w, i) => (
            <TableRow key={w.from} data-testid={w.over ? "forecast-over" : "forecast-week"} className={w.over ? "bg-red-50" : undefined}>
              <TableCell>第 {i + 1} 周</TableCell>
              <TableCell className="whitespace-nowrap">
                {md(w.from)}–{md(w.to)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{w.demand.toLocaleString("zh-CN")}</TableCell>
              <TableCell className="text-right tabular-nums">{w.capacity.toLocaleString("zh-CN")}</TableCell>
              <TableCell>{w.over ? <Badge variant="destructive">超出容量</Badge> : <span className="text-muted-foreground">正常</span>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * 负荷预测 (issue 12 item 7): instruments falling due per week for the next 13 weeks against the bookable
 * capacity of the institution's calendar. An institution sees its own; a regulator picks among those in its region.
 */
export function Forecast({ role }: { role: "institution" | "regulator" }) {
  const trpc = useTRPC();
  const [picked, setPicked] = useState<number | null>(null);
  const all = useQuery(trpc.statistics.forecast.queryOptions(undefined));
  const list = all.data?.institutions ?? [];
  const current = role === "institution" ? list[0] : list.find((i) => i.id === picked);
  return (
    <div className="space-y-4">
      {all.error ? <p className="text-sm text-destructive">{all.error.message}</p> : null}
      {all.data ? <p className="text-xs text-muted-foreground">按 {all.data.today}（北京时间）计算；容量为各工作日预约时段的送检与现场检定名额之和。</p> : null}
      {role === "regulator" ? (
        <ListState pending={all.isPending} empty={list.length === 0} emptyTitle="辖区内暂无检定机构">
          <Table data-testid="forecast-institutions">
            <TableHeader>
              <TableRow>
                <TableHead>检定机构</TableHead>
                <TableHead className="text-right">13 周到期器具</TableHead>
                <TableHead className="text-right">超出容量周数</TableHead>
                <TableHead className="text-right">查看</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((i) => (
                <TableRow key={i.id}>
                  <TableCell className="font-medium">{i.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{i.weeks.reduce((s, w) => s + w.demand, 0).toLocaleString("zh-CN")}</TableCell>
                  <TableCell className="text-right">{i.overWeeks ? <Badge variant="destructive">{i.overWeeks} 周</Badge> : "—"}</TableCell>
                  <TableCell className="text-right">
                    <Button size="sm" variant={picked === i.id ? "default" : "ghost"} onClick={() => setPicked(i.id)}>
                      逐周
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ListState>
      ) : null}
      {current ? (
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{current.name} · 未来 13 周</CardTitle>
          </CardHeader>
          <CardContent>
            <Weeks weeks={current.weeks} yearsWithoutData={current.yearsWithoutData} />
          </CardContent>
        </Card>
      ) : role === "institution" ? (
        <ListState pending={all.isPending} empty={!all.isPending} emptyTitle="暂无数据">
          {null}
        </ListState>
      ) : null}
    </div>
  );
}
