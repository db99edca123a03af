"use client";

import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";

const MAX_BYTES = 2_000_000;

/** R-CAT-3: upload a catalogue CSV, see every error by row and column, then import it as a new version. */
export function CatalogueImport() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const mutation = useMutation(trpc.catalogue.importCsv.mutationOptions());
  const result = mutation.data;

  const reset = () => {
    setName("");
    setCsv(null);
    setFileError(null);
    mutation.reset();
  };

  async function onFile(file: File | undefined) {
    mutation.reset();
    setCsv(null);
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return setFileError("文件过大（不超过 2 MB）");
    if (!/\.csv$/i.test(file.name)) return setFileError("请选择 .csv 文件（UTF-8 编码）");
    setCsv(await file.text());
  }

  async function run(commit: boolean) {
    if (!csv) return setFileError("请选择 CSV 文件");
    try {
      const r = await mutation.mutateAsync({ name, csv, commit });
      if (r.imported) {
        toast.success(`已导入新目录版本：${r.kinds} 个种别`);
        setOpen(false);
        reset();
        router.refresh();
      }
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "导入失败");
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Upload aria-hidden />
          导入目录
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>导入器具目录</DialogTitle>
          <DialogDescription>
            CSV 列：item_name, kind_name, supervision, purposes, regime, period_months, service_life_years, notes, source。
            导入后成为当前版本；已有仪器仍保留原种别。
          </DialogDescription>
        </DialogHeader>
        <div className="space-y-3">
          <div className="space-y-1">
            <Label htmlFor="cat-name">版本名称</Label>
            <Input id="cat-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="如 2020 年调整版" maxLength={60} />
          </div>
          <div className="space-y-1">
            <Label htmlFor="cat-file">CSV 文件</Label>
            <Input id="cat-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
            {fileError ? <p className="text-sm text-destructive">{fileError}</p> : null}
          </div>
          {result && !result.imported && result.errorCount > 0 ? (
            <div className="max-h-56 overflow-auto rounded-md border border-destructive/40 p-2 text-sm" data-testid="catalogue-errors">
              <p className="mb-1 font-medium text-destructive">发现 {result.errorCount} 处错误，未导入：</p>
              <ul className="space-y-0.5">
                {result.errors.map((e, i) => (
                  <li key={i}>
                    第 {e.row} 行{e.column ? `（${e.column}）` : ""}：{e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result && !result.imported && result.errorCount === 0 && "kinds" in result ? (
            <p className="rounded-md bg-success/10 p-2 text-sm">检查通过：{result.kinds} 个种别，可以导入。</p>
          ) : null}
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" disabled={!csv || mutation.isPending} onClick={() => void run(false)}>
            检查
          </Button>
          <Button type="button" disabled={!csv || mutation.isPending} onClick={() => void run(true)}>
            {mutation.isPending ? "处理中…" : "检查并导入"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
