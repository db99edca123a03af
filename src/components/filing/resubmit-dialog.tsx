"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { instrumentCorrection } from "@/lib/schemas/filing";
import { useTRPC } from "@/trpc/react";

type Correction = z.input<typeof instrumentCorrection>;
export type ReturnedRow = {
  instrumentId: number;
  serialNo: string;
  name: string;
  model: string;
  measuringRange: string | null;
  accuracyClass: string | null;
  installLocation: string;
  typeCertNo: string | null;
  remark: string | null;
  returnText: string | null;
};

const FIELDS: { key: keyof Correction; label: string }[] = [
  { key: "name", label: "器具名称" },
  { key: "model", label: "型号规格" },
  { key: "measuringRange", label: "测量范围" },
  { key: "accuracyClass", label: "准确度等级" },
  { key: "installLocation", label: "安装使用地点" },
  { key: "typeCertNo", label: "型式证书号" },
  { key: "remark", label: "备注" },
];

/** R-FIL-6: correct what the institution asked for and submit again. */
export function ResubmitDialog({ row, onClose }: { row: ReturnedRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const options = useQuery(trpc.filing.options.queryOptions({ instrumentIds: row ? [row.instrumentId] : [] }, { enabled: !!row }));
  const [picked, setInstitutionId] = useState<number | null>(null);
  // A new row starts from the recommendation again (state adjusted during render, not in an effect).
  const [shownRow, setShownRow] = useState(row);
  if (shownRow !== row) {
    setShownRow(row);
    setInstitutionId(null);
  }
  const form = useForm<Correction>({ resolver: zodResolver(instrumentCorrection) });
  useEffect(() => {
    if (row) {
      form.reset({
        name: row.name,
        model: row.model,
        measuringRange: row.measuringRange ?? "",
        accuracyClass: row.accuracyClass ?? "",
        installLocation: row.installLocation,
        typeCertNo: row.typeCertNo ?? "",
        remark: row.remark ?? "",
      });
    }
  }, [row, form]);
  const opt = options.data?.[0];
  const institutionId = picked ?? opt?.recommendedId ?? null;
  const resubmit = useMutation(
    trpc.filing.resubmit.mutationOptions({
      onSuccess: () => {
        toast.success("已重新提交备案");
        void qc.invalidateQueries({ queryKey: trpc.filing.pathKey() });
        onClose();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <Dialog open={!!row} onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent className="[&>*]:min-w-0 max-h-[90vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>修改并重新提交</DialogTitle>
          <DialogDescription>退回说明：{row?.returnText || "资料不完整"}</DialogDescription>
        </DialogHeader>
        <form
          id="resubmit-form"
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={form.handleSubmit((changes) => {
            if (!row || !institutionId) return;
            resubmit.mutate({ instrumentId: row.instrumentId, institutionId, changes });
          })}
        >
          {FIELDS.map((f) => (
            <div key={f.key} className="space-y-1">
              <Label htmlFor={`resubmit-${f.key}`}>{f.label}</Label>
              <Input id={`resubmit-${f.key}`} {...form.register(f.key)} aria-invalid={!!form.formState.errors[f.key]} />
              {form.formState.errors[f.key] ? <p className="text-xs text-destructive">{form.formState.errors[f.key]?.message}</p> : null}
            </div>
          ))}
          <div className="space-y-1 sm:col-span-2">
            <Label htmlFor="resubmit-institution">备案机构</Label>
            {opt?.blocker ? <p className="text-sm text-destructive">{opt.blocker}</p> : null}
            <Select value={institutionId ? String(institutionId) : ""} onValueChange={(v) => setInstitutionId(Number(v))}>
              <SelectTrigger id="resubmit-institution" className="w-full min-w-0">
                <SelectValue placeholder="请选择机构" />
              </SelectTrigger>
              <SelectContent>
                {opt?.institutions.map((i) => (
                  <SelectItem key={i.id} value={String(i.id)}>
                    {i.id === opt.recommendedId ? "【推荐】" : ""}
                    {i.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            取消
          </Button>
          <Button type="submit" form="resubmit-form" disabled={!institutionId || resubmit.isPending}>
            重新提交
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
