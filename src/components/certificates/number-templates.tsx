"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import type { CertificateKind } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";

/** One template field with the number the next document would get under it, refreshed as the user types. */
function TemplateField({ id, label, kind, value, onChange }: { id: string; label: string; kind: CertificateKind; value: string; onChange: (v: string) => void }) {
  const trpc = useTRPC();
  const template = useDeferredValue(value.trim());
  const preview = useQuery({ ...trpc.certificates.previewTemplate.queryOptions({ kind, template }, { enabled: template.length > 0 }), retry: false });
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} maxLength={60} className="font-mono" />
      <p className="text-sm" aria-live="polite" data-testid={`${id}-example`}>
        {preview.error ? <span className="text-destructive">{preview.error.message}</span> : <span className="text-muted-foreground">下一个编号示例：<span className="font-mono text-foreground">{preview.data?.example ?? "…"}</span></span>}
      </p>
    </div>
  );
}

/**
 * 编号规则 (R-RES-2): the institution's certificate and fail-notice number templates, each with a live example
 * of its next number. Sequences run per institution, kind and year and never repeat a number.
 */
export function NumberTemplates() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { data } = useQuery(trpc.certificates.templates.queryOptions());
  const [draft, setDraft] = useState<{ certificate: string; failNotice: string } | null>(null);
  const value = draft ?? (data ? { certificate: data.certificate, failNotice: data.failNotice } : null);
  const save = useMutation(
    trpc.certificates.saveTemplates.mutationOptions({
      onSuccess: () => {
        toast.success("编号规则已保存，之后出具的文书按新规则编号");
        setDraft(null);
        void qc.invalidateQueries({ queryKey: trpc.certificates.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  if (!value || !data) return null;
  return (
    <form
      className="space-y-4 rounded-lg border p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(value);
      }}
    >
      <div>
        <h2 className="font-semibold">编号规则</h2>
        <p className="text-sm text-muted-foreground">
          可用占位符：{"{code}"} 机构代码，{"{YYYY}"} 年，{"{MM}"} 月，{"{DD}"} 日，{"{seq6}"} 流水号（3–8 位）。须包含年份和流水号，其余只能是字母、数字和 -。流水号按年重新起算，检定证书与检定结果通知书各自编号。
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <TemplateField id="tpl-certificate" label="检定证书编号" kind="certificate" value={value.certificate} onChange={(certificate) => setDraft({ ...value, certificate })} />
        <TemplateField id="tpl-fail-notice" label="检定结果通知书编号" kind="fail_notice" value={value.failNotice} onChange={(failNotice) => setDraft({ ...value, failNotice })} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending || !draft}>
          保存编号规则
        </Button>
        <Button type="button" variant="outline" onClick={() => setDraft({ certificate: data.defaults.certificate, failNotice: data.defaults.failNotice })}>
          恢复默认
        </Button>
      </div>
    </form>
  );
}
