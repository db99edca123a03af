"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { CandidatePicker, type Picked } from "./candidate-picker";
import { type Group, GroupForm, type GroupValues } from "./group-form";

const blank = (d: { contactName: string; contactPhone: string; siteAddress: string }): GroupValues => ({ day: "", slotStart: "", remark: "", ...d });
const toFields = (g: Group, v: GroupValues) => ({
  instrumentIds: g.instruments.map((i) => i.id),
  day: v.day,
  slotStart: v.slotStart,
  contactName: v.contactName,
  contactPhone: v.contactPhone,
  siteAddress: g.method === "on_site" ? v.siteAddress || null : null,
  remark: v.remark || null,
});
const missing = (g: Group, v: GroupValues) =>
  !v.day ? "请选择预约日期" : !v.slotStart ? "请选择时段" : !v.contactName.trim() ? "请填写联系人" : !v.contactPhone.trim() ? "请填写联系电话" : g.method === "on_site" && !v.siteAddress.trim() ? "请填写现场检定地点" : null;

/**
 * 新建预约 (issue 10 item 2): pick instruments, see them split into appointments by institution and method
 * (R-APT-2, "将生成 N 张预约单"), fill each one's date, slot and contact, then save as 待提交 or submit.
 * `rebook` starts from a rejected appointment's instruments; `draft` edits a draft.
 */
export function BookingWizard({ rebook, draft }: { rebook?: number; draft?: number }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [step, setStep] = useState<1 | 2>(rebook || draft ? 2 : 1);
  const [picked, setPicked] = useState<Picked>(new Map());
  const source = useQuery(trpc.booking.get.queryOptions({ id: (rebook ?? draft)! }, { enabled: !!(rebook ?? draft) }));
  const [removed, setRemoved] = useState<number[]>([]);

  // 重新预约: the rejected appointment's instruments are the choice.
  const ids = useMemo(() => (rebook ? (source.data?.items ?? []).map((i) => i.instrumentId) : [...picked.keys()]), [rebook, source.data, picked]);
  const split = useQuery(trpc.booking.split.queryOptions({ instrumentIds: ids }, { enabled: step === 2 && !draft && ids.length > 0 }));
  const groups: Group[] = useMemo(() => {
    if (draft && source.data) {
      const d = source.data;
      return [
        {
          key: "draft",
          institutionId: d.institutionId,
          institutionName: d.institutionName,
          method: d.method,
          instruments: d.items.filter((i) => !removed.includes(i.instrumentId)).map((i) => ({ id: i.instrumentId, name: i.name, serialNo: i.serialNo })),
        },
      ];
    }
    return (split.data?.groups ?? []).map((g) => ({ ...g, key: `${g.institutionId}:${g.method}` }));
  }, [draft, source.data, split.data, removed]);

  const [values, setValues] = useState<Record<string, GroupValues>>({});
  const defaults = split.data?.defaults ?? { contactName: "", contactPhone: "", siteAddress: "" };
  const valueOf = (g: Group): GroupValues => {
    if (values[g.key]) return values[g.key]!;
    if (draft && source.data) {
      const d = source.data;
      return { day: d.day, slotStart: d.slotStart, contactName: d.contactName ?? "", contactPhone: d.contactPhone ?? "", siteAddress: d.siteAddress ?? "", remark: d.remark ?? "" };
    }
    return blank(defaults);
  };

  const done = (msg: string) => {
    toast.success(msg);
    void qc.invalidateQueries({ queryKey: trpc.booking.pathKey() });
    router.push("/enterprise/appointments");
  };
  const create = useMutation(
    trpc.booking.create.mutationOptions({
      onSuccess: (r, input) => done(input.submit ? `已提交 ${r.length} 张预约单：${r.map((a) => a.number).join("、")}` : `已保存 ${r.length} 张待提交的预约单`),
      onError: (e) => toast.error(e.message),
    }),
  );
  const update = useMutation(trpc.booking.update.mutationOptions({ onError: (e) => toast.error(e.message) }));
  const submit = useMutation(trpc.booking.submit.mutationOptions({ onError: (e) => toast.error(e.message) }));
  const busy = create.isPending || update.isPending || submit.isPending;

  const save = async (andSubmit: boolean) => {
    for (const g of groups) {
      const problem = missing(g, valueOf(g));
      if (problem) return toast.error(`${g.institutionName}：${problem}`);
    }
    if (draft) {
      const g = groups[0]!;
      await update.mutateAsync({ id: draft, ...toFields(g, valueOf(g)) });
      if (!andSubmit) return done("已保存待提交的预约单");
      const r = await submit.mutateAsync({ id: draft });
      return done(`已提交，预约单号 ${r.number}`);
    }
    create.mutate({ appointments: groups.map((g) => toFields(g, valueOf(g))), submit: andSubmit });
  };

  if (step === 1) {
    return (
      <div className="space-y-4">
        <CandidatePicker picked={picked} onChange={setPicked} />
        <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-2 border-t bg-background py-3">
          <span className="text-sm">已选 {picked.size} 台器具</span>
          <Button disabled={picked.size === 0} onClick={() => setStep(2)}>
            下一步：选择日期和时段
          </Button>
        </div>
      </div>
    );
  }

  const loading = (rebook || draft ? source.isPending : false) || (!draft && (split.isPending || (rebook !== undefined && ids.length === 0)));
  if (loading) return <Skeleton className="h-48 w-full" />;
  const blocked = split.data?.blocked ?? [];

  return (
    <div className="space-y-4">
      {draft ? (
        <p className="text-sm text-muted-foreground">编辑待提交的预约单：可移出器具、改日期时段和联系人。</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/30 p-3 text-sm" data-testid="split-summary">
          <Badge variant="secondary">按机构和方式拆分</Badge>
          <span>
            所选 {ids.length - blocked.length} 台器具属于 {groups.length} 个检定机构/检定方式，将生成 <strong>{groups.length}</strong> 张预约单。
          </span>
        </div>
      )}
      {blocked.length ? (
        <div className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
          <p className="font-medium">以下器具不能预约，不会生成预约单：</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {blocked.map((b) => (
              <li key={b.id}>
                {b.name}（{b.serialNo}）：{b.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {groups.map((g, i) => (
        <GroupForm
          key={g.key}
          index={i}
          group={g}
          values={valueOf(g)}
          onChange={(v) => setValues((s) => ({ ...s, [g.key]: v }))}
          onRemoveInstrument={draft ? (id) => setRemoved((r) => [...r, id]) : undefined}
        />
      ))}
      <div className="flex flex-wrap justify-end gap-2">
        {!draft && !rebook ? (
          <Button variant="ghost" onClick={() => setStep(1)}>
            上一步
          </Button>
        ) : null}
        <Button variant="outline" disabled={busy || groups.length === 0} onClick={() => void save(false).catch(() => undefined)}>
          保存为待提交
        </Button>
        <Button disabled={busy || groups.length === 0} onClick={() => void save(true).catch(() => undefined)}>
          提交预约{groups.length > 1 ? `（${groups.length} 张）` : ""}
        </Button>
      </div>
    </div>
  );
}
