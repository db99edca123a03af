"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { RegionPicker } from "@/components/region/region-picker";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

export type CapabilityDraft = {
  id?: number;
  kindId?: number;
  method?: "send_in" | "on_site";
  regions: { code: string; name: string }[];
  rangeNote: string;
  dailyCapacity: string;
  enabled: boolean;
};

/** Add or edit one 检定能力 row: kind × method × regions covered (empty = own jurisdiction). */
export function CapabilityForm({ draft, jurisdiction, authorised, onClose }: { draft: CapabilityDraft | null; jurisdiction: string | null; authorised: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const catalogue = useQuery(trpc.catalogue.current.queryOptions(undefined, { enabled: !!draft, staleTime: 60_000 }));
  const [d, setD] = useState<CapabilityDraft | null>(draft);
  // A new draft from the table replaces the one being edited (state adjusted during render, not in an effect).
  const [shownDraft, setShownDraft] = useState(draft);
  if (shownDraft !== draft) {
    setShownDraft(draft);
    setD(draft);
  }
  const [pick, setPick] = useState("");
  const path = useQuery(trpc.region.path.queryOptions({ code: pick || "44" }, { enabled: !!pick }));
  const pickName = path.data && pick ? path.data.map((p) => p.name).join(" ") : "";
  const save = useMutation(
    trpc.capability.save.mutationOptions({
      onSuccess: () => {
        toast.success("检定能力已保存");
        void qc.invalidateQueries({ queryKey: trpc.capability.list.queryKey() });
        onClose();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const kinds = (catalogue.data?.kinds ?? []).filter((k) => k.supervision !== "P");
  if (!d) return null;
  const capacity = d.dailyCapacity.trim() ? Number(d.dailyCapacity) : null;

  return (
    <Dialog open={!!draft} onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent className="[&>*]:min-w-0 max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{d.id ? "修改检定能力" : "新增检定能力"}</DialogTitle>
          <DialogDescription>
            覆盖区域留空表示本机构辖区（{jurisdiction ?? "—"}）{authorised ? "；授权机构须列明覆盖区域" : ""}。
          </DialogDescription>
        </DialogHeader>
        <div className="space-y-3">
          <div className="space-y-1">
            <Label htmlFor="cap-kind">器具种别</Label>
            <Select value={d.kindId ? String(d.kindId) : ""} onValueChange={(v) => setD({ ...d, kindId: Number(v) })} disabled={!!d.id}>
              <SelectTrigger id="cap-kind" className="w-full min-w-0">
                <SelectValue placeholder="请选择种别" />
              </SelectTrigger>
              <SelectContent>
                {kinds.map((k) => (
                  <SelectItem key={k.id} value={String(k.id)}>
                    {k.itemName} / {k.name}（{k.supervision}）
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="cap-method">检定方式</Label>
            <Select value={d.method ?? ""} onValueChange={(v) => setD({ ...d, method: v as "send_in" | "on_site" })} disabled={!!d.id}>
              <SelectTrigger id="cap-method" className="w-full min-w-0">
                <SelectValue placeholder="请选择" />
              </SelectTrigger>
              <SelectContent>
                {(Object.keys(METHOD_LABEL) as (keyof typeof METHOD_LABEL)[]).map((m) => (
                  <SelectItem key={m} value={m}>
                    {METHOD_LABEL[m]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <span className="text-sm font-medium">覆盖区域</span>
            <div className="flex flex-wrap gap-1">
              {d.regions.length === 0 ? <span className="text-sm text-muted-foreground">本机构辖区</span> : null}
              {d.regions.map((r) => (
                <span key={r.code} className="inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm">
                  {r.name}
                  <button type="button" aria-label={`移除 ${r.name}`} onClick={() => setD({ ...d, regions: d.regions.filter((x) => x.code !== r.code) })}>
                    <X className="size-3" />
                  </button>
                </span>
              ))}
            </div>
            <RegionPicker idPrefix="cap-region" value={pick} onChange={setPick} />
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={!pick || d.regions.some((r) => r.code === pick)}
              onClick={() => {
                setD({ ...d, regions: [...d.regions, { code: pick, name: pickName || pick }] });
                setPick("");
              }}
            >
              添加区域
            </Button>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <Label htmlFor="cap-range">测量范围说明</Label>
              <Input id="cap-range" value={d.rangeNote} onChange={(e) => setD({ ...d, rangeNote: e.target.value })} maxLength={200} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="cap-capacity">每时段接收量（台）</Label>
              <Input id="cap-capacity" inputMode="numeric" value={d.dailyCapacity} onChange={(e) => setD({ ...d, dailyCapacity: e.target.value.replace(/\D/g, "") })} />
            </div>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={d.enabled} onCheckedChange={(on) => setD({ ...d, enabled: on === true })} />
            启用
          </label>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            取消
          </Button>
          <Button
            disabled={!d.kindId || !d.method || save.isPending}
            onClick={() =>
              save.mutate({
                id: d.id,
                kindId: d.kindId!,
                method: d.method!,
                regionCodes: d.regions.map((r) => r.code),
                rangeNote: d.rangeNote.trim() || null,
                dailyCapacity: capacity,
                enabled: d.enabled,
              })
            }
          >
            保存
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
