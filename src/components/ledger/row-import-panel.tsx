"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { FilePicker } from "./file-picker";
import { ProgressBar } from "./progress-bar";
import { errorMessage, xhrUpload } from "./xhr";

type Row = { rowNumber: number; cells: Record<string, string> };
type Result = { rowNumber: number; ok: boolean; text: string; serial: string };
const BATCH = 20;

/**
 * 逐行导入 (R-LED-5): the file is read once into rows, then the rows go in small batches, each row saved on its
 * own with its own result — a failed row never blocks the others.
 */
export function RowImportPanel() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const importRows = useMutation(trpc.ledger.importRows.mutationOptions());
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ value: number | null; text: string } | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    if (!file) return setError("请选择 .xlsx 文件");
    setError(null);
    setResults([]);
    try {
      const form = new FormData();
      form.set("file", file);
      form.set("mode", "rows");
      const r = await xhrUpload("/api/ledger/import", form, { onUpload: (f) => setProgress({ value: f, text: "上传并读取文件" }) });
      if (r.status !== 200) throw new Error(errorMessage(r.body, "读取失败"));
      const rows = (JSON.parse(r.body) as { rows: Row[] }).rows;
      if (!rows.length) throw new Error("文件中没有数据行");
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        setProgress({ value: i / rows.length, text: `逐行导入 ${i} / ${rows.length}` });
        let out: Result[];
        try {
          const res = await importRows.mutateAsync({ rows: batch });
          out = res.map((x) => ({
            rowNumber: x.rowNumber,
            ok: x.ok,
            serial: batch.find((b) => b.rowNumber === x.rowNumber)?.cells["出厂编号"] ?? "",
            text: x.ok ? "已导入" : x.errors.map((e) => (e.column ? `${e.column}：${e.message}` : e.message)).join("；"),
          }));
        } catch (e) {
          // A failed batch (network, session) is reported on its rows; the next batch still goes.
          out = batch.map((b) => ({ rowNumber: b.rowNumber, ok: false, serial: b.cells["出厂编号"] ?? "", text: e instanceof Error ? e.message : "提交失败" }));
        }
        setResults((prev) => [...prev, ...out]);
      }
      await qc.invalidateQueries({ queryKey: trpc.ledger.pathKey() });
    } catch (e) {
      setError(e instanceof Error ? e.message : "导入失败");
    } finally {
      setProgress(null);
    }
  }

  const ok = results.filter((r) => r.ok).length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">逐行导入：每一行单独保存并显示结果，出错的行不影响其他行。适合修改后补导少量行。</p>
      <div className="flex flex-wrap items-end gap-2">
        <FilePicker label="Excel 文件（.xlsx）" accept=".xlsx" onFile={setFile} />
        <Button type="button" onClick={() => void start()} disabled={!file || progress !== null}>
          开始逐行导入
        </Button>
      </div>
      {progress ? <ProgressBar label={progress.text} value={progress.value} /> : null}
      {error ? (
        <p role="status" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {results.length ? (
        <div className="space-y-2" data-testid="row-results">
          <p>
            成功 <b className="text-green-700">{ok}</b> 行，失败 <b className="text-red-700">{results.length - ok}</b> 行
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">行号</TableHead>
                <TableHead className="w-40">出厂编号</TableHead>
                <TableHead>结果</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.map((r) => (
                <TableRow key={r.rowNumber} className={r.ok ? undefined : "bg-red-50"}>
                  <TableCell className="tabular-nums">{r.rowNumber}</TableCell>
                  <TableCell className="font-mono text-xs">{r.serial}</TableCell>
                  <TableCell className={r.ok ? "text-green-700" : "text-red-700"}>{r.text}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
