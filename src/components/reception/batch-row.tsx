"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import type { Verdict } from "@/lib/vocab";
import { cn } from "@/lib/utils";

export type RowState = {
  selected: boolean;
  verdict: Verdict;
  verifier: string;
  checker: string;
  approver: string;
  verifiedOn: string;
  validUntil: string;
  /** The institution typed its own validUntil: a new verification date no longer recomputes it. */
  validEdited: boolean;
  conclusion: string;
  fee: string;
  feeNote: string;
};
export type RowInfo = { itemId: number; index: number; name: string; model: string; serialNo: string; kindName: string };
export type Field = "verifier" | "checker" | "approver" | "verifiedOn" | "validUntil" | "conclusion" | "fee" | "feeNote";

/** The grid both the header and the rows use, so columns line up; on a phone each row stacks in two columns. */
export const ROW_GRID = "grid grid-cols-2 gap-2 md:grid-cols-[1.5rem_minmax(9rem,1.4fr)_5.5rem_repeat(3,minmax(4.5rem,1fr))_8.5rem_8.5rem] md:items-center";

/**
 * One instrument of the batch (issue 10 item 6): keyboard-friendly — Tab walks the fields, Enter jumps to the
 * same field of the next row (like a spreadsheet), the verdict is a toggle button (Space or Enter).
 */
export const BatchRow = memo(function BatchRow({
  info,
  row,
  error,
  onChange,
}: {
  info: RowInfo;
  row: RowState;
  error?: string;
  onChange: (itemId: number, patch: Partial<RowState> | ((r: RowState) => Partial<RowState>)) => void;
}) {
  const set = (f: Field) => (e: React.ChangeEvent<HTMLInputElement>) => onChange(info.itemId, { [f]: e.target.value, ...(f === "validUntil" ? { validEdited: true } : {}) });
  const cell = (f: Field, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Input
      aria-label={`第 ${info.index + 1} 行 ${label}`}
      data-row={info.index}
      data-field={f}
      value={row[f]}
      onChange={set(f)}
      onKeyDown={nextRowOnEnter}
      className="h-8 px-2"
      {...extra}
    />
  );
  return (
    <div role="row" data-testid="batch-row" className={cn("rounded-md border p-2 md:rounded-none md:border-x-0 md:border-t-0", row.selected ? "bg-background" : "bg-muted/40", error && "border-destructive")}>
      <div className={ROW_GRID}>
        <div className="col-span-2 flex items-center gap-2 md:contents">
          <Checkbox aria-label={`选择第 ${info.index + 1} 行 ${info.serialNo}`} checked={row.selected} onCheckedChange={(on) => onChange(info.itemId, { selected: on === true })} />
          <div className="min-w-0">
            <div className="truncate text-sm font-medium">
              {info.index + 1}. {info.name}
            </div>
            <div className="truncate text-xs text-muted-foreground">
              {info.model} · <span className="font-mono">{info.serialNo}</span>
            </div>
          </div>
        </div>
        <Button
          type="button"
          size="sm"
          variant={row.verdict === "pass" ? "outline" : "destructive"}
          aria-label={`第 ${info.index + 1} 行 检定结论：${row.verdict === "pass" ? "合格" : "不合格"}（点击切换）`}
          aria-pressed={row.verdict === "fail"}
          data-row={info.index}
          data-field="verdict"
          onClick={() => onChange(info.itemId, (r) => ({ verdict: r.verdict === "pass" ? "fail" : "pass" }))}
        >
          {row.verdict === "pass" ? "合格" : "不合格"}
        </Button>
        {cell("verifier", "检定员", { placeholder: "检定员" })}
        {cell("checker", "核验员", { placeholder: "核验员" })}
        {cell("approver", "批准人", { placeholder: "批准人" })}
        {cell("verifiedOn", "检定日期", { type: "date" })}
        {row.verdict === "pass" ? cell("validUntil", "有效期至", { type: "date" }) : <span className="text-xs text-muted-foreground">不合格无有效期</span>}
      </div>
      <div className="mt-2 grid grid-cols-2 gap-2 md:ml-8 md:grid-cols-[minmax(10rem,2fr)_7rem_minmax(8rem,1fr)]">
        <div className="col-span-2 md:col-span-1">{cell("conclusion", "检定结论说明", { placeholder: "结论说明（可选），如：符合检定规程要求", maxLength: 200 })}</div>
        {cell("fee", "费用（元）", { placeholder: "费用（元，可选）", inputMode: "decimal" })}
        {cell("feeNote", "费用说明", { placeholder: "费用说明（可选）", maxLength: 100 })}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
});

/** Enter moves to the same field one row down (Shift+Enter one row up) instead of submitting anything. */
function nextRowOnEnter(e: React.KeyboardEvent<HTMLInputElement>) {
  if (e.key !== "Enter") return;
  e.preventDefault();
  const el = e.currentTarget;
  const row = Number(el.dataset.row) + (e.shiftKey ? -1 : 1);
  const next = document.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-field="${el.dataset.field}"]`);
  next?.focus();
  next?.select?.();
}
