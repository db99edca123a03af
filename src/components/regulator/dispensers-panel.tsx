"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { DISPENSER_VERSION_FIELDS } from "@/lib/schemas/regulator";
import { useTRPC } from "@/trpc/react";

type VersionField = (typeof DISPENSER_VERSION_FIELDS)[number];
const VERSION_LABEL: Record<VersionField, string> = { mcuVersion: "监控微处理器版本", encoderVersion: "编码器版本", antiCheatVersion: "防作弊系统版本" };
const FIELDS = [
  ["serialNo", "出厂编号"],
  ["manufacturer", "生产厂家"],
  ["model", "型号规格"],
  ["nozzleCount", "枪数"],
  ["mcuVersion", "监控微处理器版本"],
  ["encoderVersion", "编码器版本"],
  ["antiCheatVersion", "防作弊系统版本"],
  ["installLocation", "安装位置（选填）"],
] as const;
type FieldKey = (typeof FIELDS)[number][0];
const EMPTY: Record<FieldKey, string> = { serialNo: "", manufacturer: "", model: "", nozzleCount: "", mcuVersion: "", encoderVersion: "", antiCheatVersion: "", installLocation: "" };

/** 加油机专用录入 (issue 12 item 6): pick a station in the region, record or import its dispensers, filter by version. */
export function DispensersPanel() {
  const trpc = useTRPC();
  const [stationQ, setStationQ] = useState("");
  const [station, setStation] = useState<string>("");
  const stations = useQuery({ ...trpc.jurisdiction.enterprises.queryOptions({ q: stationQ.trim() || undefined, limit: 50 }), placeholderData: keepPreviousData });
  const stationId = station ? Number(station) : undefined;
  const stationName = stations.data?.items.find((s) => s.id === stationId)?.name;
  return (
    <div className="space-y-4">
      <section className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="station-q">查找加油站</Label>
          <Input id="station-q" placeholder="输入单位名称" value={stationQ} maxLength={40} onChange={(e) => setStationQ(e.target.value)} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="station">加油站（使用单位）</Label>
          <Select value={station} onValueChange={setStation}>
            <SelectTrigger id="station" className="w-full">
              <SelectValue placeholder="请选择本辖区的加油站" />
            </SelectTrigger>
            <SelectContent>
              {(stations.data?.items ?? []).map((s) => (
                <SelectItem key={s.id} value={String(s.id)}>
                  {s.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </section>
      {stationId ? <DispenserForm enterpriseId={stationId} stationName={stationName ?? ""} /> : <p className="text-sm text-muted-foreground">选择加油站后可逐台录入或按模板导入加油机。</p>}
      <DispenserList enterpriseId={stationId} />
    </div>
  );
}

function DispenserForm({ enterpriseId, stationName }: { enterpriseId: number; stationName: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [importing, setImporting] = useState(false);
  const [importErrors, setImportErrors] = useState<{ row: number; message: string }[]>([]);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.dispenser.list.pathKey() });
  const create = useMutation(
    trpc.dispenser.create.mutationOptions({
      onSuccess: () => {
        toast.success("加油机已登记");
        setForm(EMPTY);
        refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const importFile = async (file: File) => {
    setImporting(true);
    setImportErrors([]);
    const body = new FormData();
    body.set("enterpriseId", String(enterpriseId));
    body.set("file", file);
    const res = await fetch("/api/regulator/dispensers/import", { method: "POST", body });
    const json = (await res.json()) as { created?: number; errors?: { row: number; message: string }[]; message?: string };
    setImporting(false);
    if (!res.ok) return toast.error(json.message ?? "导入失败");
    if (json.errors?.length) {
      setImportErrors(json.errors);
      return toast.error("文件有错误，未导入任何加油机");
    }
    toast.success(`已导入 ${json.created} 台加油机`);
    refresh();
  };
  return (
    <section className="space-y-3 rounded-lg border p-3">
      <h2 className="font-medium">为“{stationName}”登记加油机</h2>
      <form
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ ...form, nozzleCount: Number(form.nozzleCount), enterpriseId, installLocation: form.installLocation || undefined });
        }}
      >
        {FIELDS.map(([k, label]) => (
          <div key={k} className="space-y-1">
            <Label htmlFor={`dispenser-${k}`}>{label}</Label>
            <Input
              id={`dispenser-${k}`}
              value={form[k]}
              inputMode={k === "nozzleCount" ? "numeric" : undefined}
              maxLength={k === "manufacturer" || k === "installLocation" ? 100 : 50}
              required={k !== "installLocation"}
              onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
            />
          </div>
        ))}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" disabled={create.isPending}>
            登记
          </Button>
          <Button asChild variant="outline" className="ml-auto">
            <a href="/api/regulator/dispensers/template" download>
              <Download className="size-4" aria-hidden />
              下载导入模板
            </a>
          </Button>
          <Button asChild variant="outline" disabled={importing}>
            <label htmlFor="dispenser-file" className="cursor-pointer">
              <Upload className="size-4" aria-hidden />
              {importing ? "正在导入…" : "按模板导入"}
            </label>
          </Button>
          <input
            id="dispenser-file"
            type="file"
            accept=".xlsx"
            className="sr-only"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = "";
              if (f) importFile(f);
            }}
          />
        </div>
      </form>
      {importErrors.length ? (
        <ul className="space-y-1 text-sm text-destructive" data-testid="dispenser-import-errors">
          {importErrors.slice(0, 50).map((e, i) => (
            <li key={i}>{e.row ? `第 ${e.row} 行：${e.message}` : e.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DispenserList({ enterpriseId }: { enterpriseId?: number }) {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [field, setField] = useState<VersionField | undefined>();
  const [value, setValue] = useState("");
  const [filter, setFilter] = useState<{ versionField?: VersionField; versionValue?: string }>({});
  const { data, isPending, isFetching, error } = useQuery({
    ...trpc.dispenser.list.queryOptions({ enterpriseId, ...filter, limit: 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const items = data?.items ?? [];
  return (
    <section className="space-y-3">
      <form
        className="grid gap-3 sm:grid-cols-[14rem_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          pages.reset();
          setFilter(field ? { versionField: field, versionValue: value.trim() } : {});
        }}
      >
        <SelectFilter id="version-field" label="版本比对" value={field} options={DISPENSER_VERSION_FIELDS.map((f) => [f, VERSION_LABEL[f]])} onChange={setField} />
        <div className="space-y-1">
          <Label htmlFor="version-value">与此版本不同的加油机</Label>
          <Input id="version-value" placeholder="例如 F3.0" value={value} maxLength={50} onChange={(e) => setValue(e.target.value)} disabled={!field} />
        </div>
        <Button type="submit" variant="outline">
          筛选
        </Button>
      </form>
      {error ? <p className="text-sm text-destructive">{error.message}</p> : null}
      <ListState pending={isPending} empty={items.length === 0} emptyTitle={filter.versionField ? "没有版本不同的加油机" : "还没有登记加油机"}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>出厂编号</TableHead>
              <TableHead className="hidden md:table-cell">加油站</TableHead>
              <TableHead className="hidden sm:table-cell">厂家 / 型号</TableHead>
              <TableHead className="hidden sm:table-cell">枪数</TableHead>
              <TableHead>监控微处理器</TableHead>
              <TableHead>编码器</TableHead>
              <TableHead>防作弊系统</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id} data-testid="dispenser-row">
                <TableCell className="font-mono">{d.serialNo}</TableCell>
                <TableCell className="hidden max-w-48 whitespace-normal md:table-cell">{d.enterpriseName}</TableCell>
                <TableCell className="hidden whitespace-normal sm:table-cell">
                  {d.manufacturer}
                  <div className="text-xs text-muted-foreground">{d.model}</div>
                </TableCell>
                <TableCell className="hidden sm:table-cell">{d.nozzleCount}</TableCell>
                <TableCell>{d.mcuVersion}</TableCell>
                <TableCell>{d.encoderVersion}</TableCell>
                <TableCell>{d.antiCheatVersion}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </section>
  );
}
