"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { FilePicker } from "./file-picker";
import { ProgressBar } from "./progress-bar";
import { errorMessage, saveBlob, xhrUpload } from "./xhr";

type RowError = { row: number; column: string; message: string };
type Summary = { fileName: string; totalRows: number; validRows: number; errorRows: number; errors: RowError[]; errorCount: number; alreadyImported: boolean; inserted?: number };
type Progress = { phase: "upload" | "parse" | "check" | "write"; value: number | null; text: string };

async function run(file: File, mode: "check" | "commit", onProgress: (p: Progress) => void): Promise<Summary> {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  let result: Summary | null = null;
  let failure: string | null = null;
  const r = await xhrUpload("/api/ledger/import", form, {
    onUpload: (f) => onProgress({ phase: "upload", value: f, text: "上传文件" }),
    onLine: (line) => {
      if (line.type === "progress") {
        const done = Number(line.done);
        if (line.phase === "parse") onProgress({ phase: "parse", value: null, text: `解析中：已读取 ${done} 行` });
        else if (line.phase === "check") onProgress({ phase: "check", value: null, text: `校验 ${done} 行` });
        // While the file is still being read the total is not known yet (rows are written as they are read).
        else if (!Number(line.total)) onProgress({ phase: "write", value: null, text: `写入中：已写入 ${done} 行` });
        else onProgress({ phase: "write", value: done / Number(line.total), text: `写入 ${done} / ${line.total} 行` });
      } else if (line.type === "result") result = line as unknown as Summary;
      else if (line.type === "error") failure = String(line.message);
    },
  });
  if (r.status !== 200) throw new Error(errorMessage(r.body, "导入失败"));
  if (failure) throw new Error(failure);
  if (!result) throw new Error("导入中断，请重试（未写入任何数据）");
  return result;
}

/** 导入 (R-LED-5): check the whole file first, show every error by row and column, then import in one go. */
export function ImportPanel() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = progress !== null;

  async function go(mode: "check" | "commit") {
    if (!file) return setError("请选择 .xlsx 文件");
    setError(null);
    setDone(null);
    if (mode === "check") setSummary(null);
    try {
      const s = await run(file, mode, setProgress);
      if (mode === "check") setSummary(s);
      else {
        setSummary(null);
        setDone(s.alreadyImported ? "该文件已导入过，本次没有重复导入任何数据" : `已导入 ${s.inserted} 台器具`);
        toast.success(s.alreadyImported ? "该文件已导入过" : `已导入 ${s.inserted} 台器具`);
        await qc.invalidateQueries({ queryKey: trpc.ledger.pathKey() });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : "导入失败");
    } finally {
      setProgress(null);
    }
  }

  async function downloadReport() {
    if (!summary) return;
    const r = await fetch("/api/ledger/import/report", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ errors: summary.errors }) });
    if (!r.ok) return toast.error(errorMessage(await r.text(), "下载失败"));
    saveBlob(await r.blob(), "导入错误报告.xlsx");
  }

  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
        <li>
          <a className="text-primary hover:underline" href="/api/ledger/template" download>
            下载导入模板
          </a>
          ，按说明行填写（种别、所在地、用途等可从下拉列表选择）。
        </li>
        <li>上传文件，系统先逐行检查并列出所有错误（行号、列、原因），此时不写入任何数据。</li>
        <li>确认后一次性导入全部有效行；同一文件重复导入不会重复写入。</li>
      </ol>
      <div className="flex flex-wrap items-end gap-2">
        <FilePicker
          label="Excel 文件（.xlsx，不超过 20 MB）"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={(f) => {
            setFile(f);
            setSummary(null);
            setError(null);
            setDone(null);
          }}
        />
        <Button type="button" onClick={() => void go("check")} disabled={!file || busy}>
          检查文件
        </Button>
      </div>
      {progress ? <ProgressBar label={progress.text} value={progress.value} /> : null}
      {error ? (
        <p role="status" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="import-done">
          {done}
        </p>
      ) : null}
      {summary ? (
        <div className="space-y-3 rounded-lg border p-4" data-testid="import-preview">
          <p>
            共 <b>{summary.totalRows}</b> 行：可导入 <b className="text-green-700">{summary.validRows}</b> 行，有错误 <b className="text-red-700">{summary.errorRows}</b> 行
          </p>
          {summary.alreadyImported ? <p className="text-sm text-amber-700">该文件已导入过，确认也不会重复导入。</p> : null}
          {summary.errorCount ? (
            <>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead className="w-16">行号</TableHead>
                    <TableHead className="w-28">列</TableHead>
                    <TableHead>错误说明</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {summary.errors.slice(0, 200).map((e, i) => (
                    <TableRow key={i}>
                      <TableCell className="tabular-nums">{e.row}</TableCell>
                      <TableCell>{e.column}</TableCell>
                      <TableCell>{e.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {summary.errorCount > 200 ? <p className="text-sm text-muted-foreground">仅显示前 200 条，完整列表请下载错误报告。</p> : null}
              <Button type="button" variant="outline" onClick={() => void downloadReport()}>
                下载错误报告（.xlsx）
              </Button>
            </>
          ) : null}
          <div>
            <Button type="button" onClick={() => void go("commit")} disabled={busy || !summary.validRows || summary.alreadyImported}>
              确认导入 {summary.validRows} 行
            </Button>
            {summary.errorCount ? <p className="mt-1 text-xs text-muted-foreground">有错误的行不会导入，可修改后再导入这些行。</p> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
