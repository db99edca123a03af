"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { extractAppointmentNumber } from "@/lib/schemas/reception";
import { APPOINTMENT_ITEM_STATE_LABEL, APPOINTMENT_STATE_LABEL, VERDICT_LABEL } from "@/lib/vocab";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { CodeScanner } from "./code-scanner";
import { ReceptionQueue } from "./reception-queue";
import { ReturnDialog } from "./return-dialog";

const ITEM_BADGE = { booked: "outline", received: "default", done: "success", cancelled: "secondary", returned: "warning" } as const;

/**
 * 接收登记 (issue 10 item 5, R-APT-6): type the appointment number or scan the sheet, see its instruments,
 * receive them (each, selected or all) or return them (退单) with a reason. `?number=` opens one directly.
 */
export function ReceptionDesk() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const params = useSearchParams();
  const number = params.get("number") ?? "";
  const [typed, setTyped] = useState(number);
  const [formError, setFormError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [returning, setReturning] = useState<number[] | null>(null);

  const open = useCallback(
    (text: string) => {
      const n = extractAppointmentNumber(text);
      if (!n) {
        setFormError("预约单号格式不正确（S 或 X 开头，后接 14 位数字）");
        return;
      }
      setFormError(null);
      setTyped(n);
      setSelected([]);
      setScanning(false);
      router.replace(`/institution/reception?number=${n}`);
    },
    [router],
  );
  const onScanned = useCallback((n: string) => open(n), [open]);

  const found = useQuery({ ...trpc.reception.find.queryOptions({ number }, { enabled: number !== "" }), retry: false });
  const apt = found.data;
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: trpc.reception.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.results.pathKey() });
  };
  const receive = useMutation(
    trpc.reception.receive.mutationOptions({
      onSuccess: (r) => {
        toast.success(`已接收 ${r.received} 台器具`);
        refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  const actionable = apt ? apt.items.filter((i) => i.state === "booked" || i.state === "received") : [];
  const bookedIds = apt ? apt.items.filter((i) => i.state === "booked").map((i) => i.id) : [];
  const selectedBooked = selected.filter((id) => bookedIds.includes(id));
  const receivedCount = apt ? apt.items.filter((i) => i.state === "received").length : 0;
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const doReceive = (itemIds: number[]) => apt && receive.mutate({ appointmentId: apt.id, itemIds });

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          open(typed);
        }}
      >
        <div className="min-w-0 flex-1 space-y-1 sm:max-w-sm">
          <Label htmlFor="appointment-number">预约单号</Label>
          <Input id="appointment-number" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="如 S20261201000001" autoComplete="off" maxLength={60} />
        </div>
        <Button type="submit">查询</Button>
        <Button type="button" variant="outline" onClick={() => setScanning((s) => !s)}>
          扫码
        </Button>
      </form>
      {formError ? (
        <p role="alert" className="text-sm text-destructive">
          {formError}
        </p>
      ) : null}
      {scanning ? <CodeScanner onNumber={onScanned} onClose={() => setScanning(false)} /> : null}

      {number === "" ? (
        <p className="text-sm text-muted-foreground">输入预约单号，或点击“扫码”用摄像头扫描预约单上的二维码或条形码。现场检定的预约单在到达现场时同样在此接收。</p>
      ) : found.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : found.error ? (
        <p role="alert" className="text-sm text-destructive">
          {found.error.message}
        </p>
      ) : apt ? (
        <Card>
          <CardHeader className="space-y-1">
            <CardTitle className="flex flex-wrap items-center gap-2 text-base">
              预约单 <span className="font-mono">{apt.number}</span>
              <Badge variant={apt.state === "completed" ? "success" : "outline"}>{APPOINTMENT_STATE_LABEL[apt.state]}</Badge>
            </CardTitle>
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <div>
                <dt className="inline text-muted-foreground">送检单位：</dt>
                <dd className="inline">{apt.enterpriseName}</dd>
              </div>
              <div>
                <dt className="inline text-muted-foreground">检定方式：</dt>
                <dd className="inline">{METHOD_LABEL[apt.method]}</dd>
              </div>
              <div>
                <dt className="inline text-muted-foreground">预约时间：</dt>
                <dd className="inline">
                  {apt.day} {apt.slotLabel} {apt.slotStart}–{apt.slotEnd}
                </dd>
              </div>
              <div>
                <dt className="inline text-muted-foreground">联系人：</dt>
                <dd className="inline">
                  {apt.contactName ?? "—"} {apt.contactPhone ?? ""}
                </dd>
              </div>
              {apt.method === "on_site" ? (
                <div className="sm:col-span-2">
                  <dt className="inline text-muted-foreground">检定地点：</dt>
                  <dd className="inline">{apt.siteAddress ?? apt.enterpriseAddress ?? "—"}</dd>
                </div>
              ) : null}
            </dl>
          </CardHeader>
          <CardContent className="space-y-3">
            <div className="flex flex-wrap gap-2">
              <Button disabled={receive.isPending || selectedBooked.length === 0} onClick={() => doReceive(selectedBooked)}>
                接收所选{selectedBooked.length ? `（${selectedBooked.length} 台）` : ""}
              </Button>
              <Button variant="outline" disabled={receive.isPending || bookedIds.length === 0} onClick={() => doReceive(bookedIds)}>
                全部接收
              </Button>
              <Button variant="outline" disabled={selected.length === 0} onClick={() => setReturning(selected)}>
                退单所选
              </Button>
              {receivedCount > 0 ? (
                <Button variant="secondary" asChild>
                  <Link href={`/institution/results/batch?appointmentId=${apt.id}`}>录入检定结果（{receivedCount} 台待录入）</Link>
                </Button>
              ) : null}
            </div>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-10">
                    <Checkbox
                      aria-label="全选可处理器具"
                      checked={actionable.length > 0 && actionable.every((i) => selected.includes(i.id))}
                      onCheckedChange={(on) => setSelected(on ? actionable.map((i) => i.id) : [])}
                    />
                  </TableHead>
                  <TableHead>器具</TableHead>
                  <TableHead className="hidden md:table-cell">种别</TableHead>
                  <TableHead>状态</TableHead>
                  <TableHead className="w-16 text-right">操作</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {apt.items.map((i) => {
                  const open = i.state === "booked" || i.state === "received";
                  return (
                    <TableRow key={i.id}>
                      <TableCell>
                        <Checkbox aria-label={`选择 ${i.serialNo}`} disabled={!open} checked={selected.includes(i.id)} onCheckedChange={(on) => toggle(i.id, on === true)} />
                      </TableCell>
                      <TableCell className="min-w-24 whitespace-normal">
                        <div className="font-medium">{i.name}</div>
                        <div className="text-xs text-muted-foreground">
                          {i.model} · 出厂编号 <span className="font-mono">{i.serialNo}</span>
                        </div>
                      </TableCell>
                      <TableCell className="hidden md:table-cell">{i.kindName}</TableCell>
                      <TableCell className="whitespace-normal">
                        <Badge variant={ITEM_BADGE[i.state]}>{APPOINTMENT_ITEM_STATE_LABEL[i.state]}</Badge>
                        {i.verdict ? <span className="ml-1 text-xs">{VERDICT_LABEL[i.verdict]}</span> : null}
                        {i.state === "returned" && i.reason ? <div className="text-xs text-muted-foreground">原因：{i.reason}</div> : null}
                      </TableCell>
                      <TableCell className="text-right">
                        <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                        {i.state === "booked" ? (
                          <Button size="sm" variant="outline" disabled={receive.isPending} onClick={() => doReceive([i.id])} aria-label={`接收 ${i.serialNo}`}>
                            接收
                          </Button>
                        ) : null}
                        {open ? (
                          <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setReturning([i.id])} aria-label={`退单 ${i.serialNo}`}>
                            退单
                          </Button>
                        ) : null}
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
      <ReceptionQueue />
      {apt && returning ? (
        <ReturnDialog
          appointmentId={apt.id}
          itemIds={returning}
          names={apt.items.filter((i) => returning.includes(i.id)).map((i) => `${i.name}（${i.serialNo}）`)}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}
