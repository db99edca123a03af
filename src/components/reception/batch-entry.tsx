"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { parseFeeYuan } from "@/lib/schemas/reception";
import { defaultValidUntil, type ValidityRule } from "@/lib/validity";
import { APPOINTMENT_ITEM_STATE_LABEL, APPOINTMENT_STATE_LABEL, VERDICT_LABEL, type Verdict } from "@/lib/vocab";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { BatchRow, ROW_GRID, type RowInfo, type RowState } from "./batch-row";

type Common = { verdict: Verdict | ""; verifier: string; checker: string; approver: string; verifiedOn: string };

/**
 * 批量录入检定结果 (issue 10 item 6): every received instrument of one appointment on one screen — a station's
 * 12 nozzles or a market's 300 scales — with "apply to all selected" for verdict, people and date, validUntil
 * pre-filled from the kind's regime (R-RES-1) and editable, and one save that records them all at once.
 */
export function BatchEntry({ appointmentId }: { appointmentId: number }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const sheet = useQuery(trpc.results.sheet.queryOptions({ appointmentId }));
  const data = sheet.data;
  const open = useMemo(() => (data ? data.items.filter((i) => i.state === "received" && !i.verdict) : []), [data]);
  const rules = useMemo(() => new Map<number, ValidityRule>(open.map((i) => [i.itemId, i.rule])), [open]);
  const [rows, setRows] = useState<Record<number, RowState>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [common, setCommon] = useState<Common>({ verdict: "", verifier: "", checker: "", approver: "", verifiedOn: "" });

  // New rows (first load, or after a save) start selected, 合格, verified today, valid per the kind. Adjusted
  // while rendering when the sheet changes (React's pattern for state that follows a prop), keeping edits.
  const [seen, setSeen] = useState<typeof data>(undefined);
  if (data && data !== seen) {
    setSeen(data);
    setRows((prev) => {
      const next: Record<number, RowState> = {};
      for (const i of open)
        next[i.itemId] = prev[i.itemId] ?? {
          selected: true,
          verdict: "pass",
          verifier: "",
          checker: "",
          approver: "",
          verifiedOn: data.today,
          validUntil: i.defaultValidUntil ?? "",
          validEdited: false,
          conclusion: "",
          fee: "",
          feeNote: "",
        };
      return next;
    });
    if (!common.verifiedOn) setCommon((c) => ({ ...c, verifiedOn: data.today }));
  }

  const onChange = useCallback(
    (itemId: number, patch: Partial<RowState> | ((r: RowState) => Partial<RowState>)) => {
      // A changed row is checked again at the next save; its old message would only mislead.
      setErrors((e) => (itemId in e ? Object.fromEntries(Object.entries(e).filter(([k]) => Number(k) !== itemId)) : e));
      setRows((prev) => {
        const r = prev[itemId];
        if (!r) return prev;
        const p = typeof patch === "function" ? patch(r) : patch;
        const merged = { ...r, ...p };
        // A new verification date moves the default validUntil along, unless the institution set its own.
        if (p.verifiedOn !== undefined && !merged.validEdited && /^\d{4}-\d{2}-\d{2}$/.test(p.verifiedOn)) merged.validUntil = defaultValidUntil(rules.get(itemId)!, p.verifiedOn) ?? "";
        return { ...prev, [itemId]: merged };
      });
    },
    [rules],
  );

  const record = useMutation(
    trpc.results.record.mutationOptions({
      onSuccess: (r) => {
        const certs = r.documents.filter((d) => d.kind === "certificate").length;
        toast.success(`已录入 ${r.recorded} 台器具的检定结果：出具检定证书 ${certs} 份、检定结果通知书 ${r.documents.length - certs} 份${r.state === "completed" ? "；预约单已完检" : ""}`);
        setErrors({});
        void qc.invalidateQueries({ queryKey: trpc.results.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.reception.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  if (sheet.isPending) return <Skeleton className="h-60 w-full" />;
  if (sheet.error || !data) return <p role="alert" className="text-sm text-destructive">{sheet.error?.message ?? "未找到该预约单"}</p>;

  const selectedIds = open.filter((i) => rows[i.itemId]?.selected).map((i) => i.itemId);
  const allSelected = open.length > 0 && selectedIds.length === open.length;
  const applyToSelected = () => {
    const patch: Partial<RowState> = {};
    if (common.verdict) patch.verdict = common.verdict;
    if (common.verifier.trim()) patch.verifier = common.verifier.trim();
    if (common.checker.trim()) patch.checker = common.checker.trim();
    if (common.approver.trim()) patch.approver = common.approver.trim();
    if (common.verifiedOn) patch.verifiedOn = common.verifiedOn;
    for (const id of selectedIds) onChange(id, patch);
    toast.success(`已应用到所选 ${selectedIds.length} 台器具`);
  };
  const save = () => {
    const problems: Record<number, string> = {};
    const out = [];
    for (const i of open) {
      const r = rows[i.itemId];
      if (!r?.selected) continue;
      const missing = [!r.verifier.trim() && "检定员", !r.checker.trim() && "核验员", !r.approver.trim() && "批准人", !r.verifiedOn && "检定日期"].filter(Boolean);
      const fee = parseFeeYuan(r.fee);
      if (missing.length) problems[i.itemId] = `请填写${missing.join("、")}`;
      else if (r.verdict === "pass" && r.validUntil && r.validUntil < r.verifiedOn) problems[i.itemId] = "有效期至不能早于检定日期";
      else if (Number.isNaN(fee)) problems[i.itemId] = "费用金额应为数字，最多两位小数";
      else
        out.push({
          itemId: i.itemId,
          verdict: r.verdict,
          verifier: r.verifier.trim(),
          checker: r.checker.trim(),
          approver: r.approver.trim(),
          verifiedOn: r.verifiedOn,
          validUntil: r.verdict === "pass" ? r.validUntil || null : null,
          conclusion: r.conclusion.trim() || undefined,
          feeCents: fee,
          feeNote: r.feeNote.trim() || undefined,
        });
    }
    setErrors(problems);
    const bad = Object.keys(problems).length;
    if (bad) {
      toast.error(`有 ${bad} 台器具的信息不完整，请按红色提示补充后再保存`);
      return;
    }
    if (out.length === 0) {
      toast.error("请至少选择一台器具");
      return;
    }
    record.mutate({ appointmentId, rows: out });
  };
  const done = data.items.filter((i) => !(i.state === "received" && !i.verdict));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span>
          预约单 <span className="font-mono">{data.number}</span>
        </span>
        <Badge variant="outline">{APPOINTMENT_STATE_LABEL[data.state]}</Badge>
        <span>{data.enterpriseName}</span>
        <span className="text-muted-foreground">
          {METHOD_LABEL[data.method]} · {data.day}
        </span>
        <Link className="text-primary underline-offset-4 hover:underline" href={`/institution/reception?number=${data.number}`}>
          返回接收登记
        </Link>
      </div>

      {open.length === 0 ? (
        <p className="text-sm text-muted-foreground">该预约单没有待录入结果的器具（器具须先在“接收登记”中接收）。</p>
      ) : (
        <>
          <fieldset className="space-y-2 rounded-md border p-3">
            <legend className="px-1 text-sm font-medium">批量填写（应用到所选 {selectedIds.length} 台）</legend>
            <div className="grid grid-cols-2 gap-2 md:grid-cols-[7rem_repeat(3,minmax(6rem,1fr))_9rem_auto] md:items-end">
              <div className="space-y-1">
                <Label htmlFor="common-verdict">检定结论</Label>
                <select
                  id="common-verdict"
                  className="h-9 w-full rounded-md border bg-background px-2 text-sm"
                  value={common.verdict}
                  onChange={(e) => setCommon({ ...common, verdict: e.target.value as Verdict | "" })}
                >
                  <option value="">不修改</option>
                  <option value="pass">{VERDICT_LABEL.pass}</option>
                  <option value="fail">{VERDICT_LABEL.fail}</option>
                </select>
              </div>
              {(["verifier", "checker", "approver"] as const).map((f) => (
                <div key={f} className="space-y-1">
                  <Label htmlFor={`common-${f}`}>{{ verifier: "检定员", checker: "核验员", approver: "批准人" }[f]}</Label>
                  <Input id={`common-${f}`} value={common[f]} maxLength={20} onChange={(e) => setCommon({ ...common, [f]: e.target.value })} />
                </div>
              ))}
              <div className="space-y-1">
                <Label htmlFor="common-date">检定日期</Label>
                <Input id="common-date" type="date" value={common.verifiedOn} max={data.today} onChange={(e) => setCommon({ ...common, verifiedOn: e.target.value })} />
              </div>
              <Button type="button" variant="secondary" className="col-span-2 md:col-span-1" disabled={selectedIds.length === 0} onClick={applyToSelected}>
                应用到所选
              </Button>
            </div>
          </fieldset>

          <div role="table" aria-label="批量录入检定结果" className="space-y-2 md:space-y-0">
            <div role="row" className={`${ROW_GRID} hidden border-b px-2 pb-1 text-xs font-medium text-muted-foreground md:grid`}>
              <Checkbox aria-label="全选待录入器具" checked={allSelected} onCheckedChange={(on) => setRows((p) => Object.fromEntries(Object.entries(p).map(([k, r]) => [k, { ...r, selected: on === true }])))} />
              <span>器具</span>
              <span>结论</span>
              <span>检定员</span>
              <span>核验员</span>
              <span>批准人</span>
              <span>检定日期</span>
              <span>有效期至</span>
            </div>
            <div className="flex items-center gap-2 md:hidden">
              <Checkbox
                id="select-all-mobile"
                checked={allSelected}
                onCheckedChange={(on) => setRows((p) => Object.fromEntries(Object.entries(p).map(([k, r]) => [k, { ...r, selected: on === true }])))}
              />
              <Label htmlFor="select-all-mobile">全选（{open.length} 台）</Label>
            </div>
            {open.map((i, index) => {
              const row = rows[i.itemId];
              if (!row) return null;
              const info: RowInfo = { itemId: i.itemId, index, name: i.name, model: i.model, serialNo: i.serialNo, kindName: i.kindName };
              return <BatchRow key={i.itemId} info={info} row={row} error={errors[i.itemId]} onChange={onChange} />;
            })}
          </div>
          <div className="sticky bottom-0 flex flex-wrap items-center gap-2 border-t bg-background py-2">
            <Button type="button" onClick={save} disabled={record.isPending || selectedIds.length === 0}>
              {record.isPending ? "正在保存…" : `保存所选（${selectedIds.length} 台）`}
            </Button>
            <span className="text-xs text-muted-foreground">保存后即出具检定证书（合格）或检定结果通知书（不合格），不能再修改。</span>
          </div>
        </>
      )}

      {done.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">其他器具（{done.length} 台：已出结果、退单或未接收）</summary>
          <ul className="mt-2 space-y-1">
            {done.map((i) => (
              <li key={i.itemId}>
                {i.name} <span className="font-mono text-xs">{i.serialNo}</span> — {APPOINTMENT_ITEM_STATE_LABEL[i.state]}
                {i.verdict ? `（${VERDICT_LABEL[i.verdict]}）` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
