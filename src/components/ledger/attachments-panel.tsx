"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Paperclip, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { ProgressBar } from "./progress-bar";
import { errorMessage, xhrUpload } from "./xhr";

type Attachment = { id: number; slot: string; size: number; name: string; ext: string };
const MB = 1024 * 1024;
const ACCEPT = { general: ".jpg,.jpeg,.png,.pdf,.zip,.rar", type_evaluation: ".jpg,.jpeg,.png,.pdf" } as const; // as the server checks (R-SEC-2)

function Slot({ instrumentId, slot, title, hint, list, editable, used }: { instrumentId: number; slot: "general" | "type_evaluation"; title: string; hint: string; list: Attachment[]; editable: boolean; used: number }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.ledger.deleteAttachment.mutationOptions({ onSettled: () => qc.invalidateQueries({ queryKey: trpc.ledger.byId.queryKey({ id: instrumentId }) }) }));

  async function upload(file: File) {
    setError(null);
    if (used + file.size > 10 * MB) return setError(`每台器具的附件合计不超过 10 MB（已用 ${(used / MB).toFixed(1)} MB）`);
    const form = new FormData();
    form.set("file", file);
    form.set("slot", slot);
    setProgress(0);
    try {
      const r = await xhrUpload(`/api/ledger/instruments/${instrumentId}/attachments`, form, { onUpload: (f) => setProgress(f) });
      if (r.status !== 200) setError(errorMessage(r.body, "上传失败"));
      else toast.success(`已上传 ${file.name}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "上传失败");
    } finally {
      setProgress(undefined);
      if (input.current) input.current.value = "";
      await qc.invalidateQueries({ queryKey: trpc.ledger.byId.queryKey({ id: instrumentId }) });
    }
  }

  return (
    <div className="space-y-2 rounded-md border p-3" data-testid={`attachments-${slot}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-medium">{title}</h3>
          <p className="text-xs text-muted-foreground">{hint}</p>
        </div>
        {editable ? (
          <>
            <input ref={input} type="file" accept={ACCEPT[slot]} className="sr-only" aria-label={`上传${title}`} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
            <Button type="button" size="sm" variant="outline" disabled={progress !== undefined} onClick={() => input.current?.click()}>
              <Paperclip aria-hidden /> 上传
            </Button>
          </>
        ) : null}
      </div>
      {progress !== undefined ? <ProgressBar label="上传中" value={progress} /> : null}
      {error ? (
        <p role="status" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {list.length ? (
        <ul className="divide-y text-sm">
          {list.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
              <a className="min-w-0 truncate text-primary hover:underline" href={`/api/ledger/attachments/${a.id}`}>
                {a.name}
              </a>
              <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground">
                {a.ext.toUpperCase()} · {(a.size / 1024).toFixed(0)} KB
                {editable ? (
                  <Button
                    type="button"
                    size="icon"
                    variant="ghost"
                    aria-label={`删除 ${a.name}`}
                    onClick={() =>
                      remove.mutate(
                        { instrumentId, attachmentId: a.id },
                        { onSuccess: () => toast.success("已删除附件"), onError: (e) => toast.error(e.message) },
                      )
                    }
                  >
                    <Trash2 aria-hidden />
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">暂无</p>
      )}
    </div>
  );
}

/** R-LED-3 / R-CAT-2: 相关资料 and the 型式评价报告 slot, 10 MB in total, typed by content on the server. */
export function AttachmentsPanel({ instrumentId, attachments, editable, supervision }: { instrumentId: number; attachments: Attachment[]; editable: boolean; supervision: string }) {
  const used = attachments.reduce((s, a) => s + a.size, 0);
  return (
    <section className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-medium">附件</h2>
        <span className="text-xs text-muted-foreground">已用 {(used / MB).toFixed(1)} / 10 MB · 支持 JPG、PNG、PDF、ZIP、RAR</span>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Slot
          instrumentId={instrumentId}
          slot="type_evaluation"
          title="型式评价报告"
          hint={supervision === "P+V" ? "P+V 器具备案前必须上传型式评价报告或型式批准证书" : "本种别备案不要求，可选上传"}
          list={attachments.filter((a) => a.slot === "type_evaluation")}
          editable={editable}
          used={used}
        />
        <Slot instrumentId={instrumentId} slot="general" title="相关资料" hint="合格证、说明书、照片等" list={attachments.filter((a) => a.slot === "general")} editable={editable} used={used} />
      </div>
    </section>
  );
}
