"use client";

import { useQuery } from "@tanstack/react-query";
import { Copy, FileClock, Pencil } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FilingHistoryDialog } from "@/components/filing/filing-history";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PrintLabels } from "@/components/labels/print-labels";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/format";
import { FILING_STATUS_LABEL, INSTRUMENT_STATUS_LABEL, METHOD_LABEL, ORIGIN_LABEL, PURPOSE_LABEL } from "@/lib/words";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { AttachmentsPanel } from "./attachments-panel";
import { InstrumentCertificates } from "@/components/certificates/document-sections";
import { FieldChanges } from "@/components/audit/field-changes";
import { WARNING_LABEL } from "./labels";
import { LifecycleActions, type LifecycleVerb } from "./lifecycle-actions";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children || "—"}</dd>
    </div>
  );
}

/** 详情: every field, lifecycle actions, attachments and the full history from the audit log (R-LED-2). */
export function InstrumentDetail({ id }: { id: number }) {
  const trpc = useTRPC();
  const [filingOpen, setFilingOpen] = useState(false);
  const router = useRouter();
  const { data: d, isPending, error } = useQuery(trpc.ledger.byId.queryOptions({ id }));
  if (isPending) return <Skeleton className="h-96 w-full" />;
  if (error || !d) return <p className="text-destructive">{error?.message ?? "记录不存在或无权查看"}</p>;
  const verbs = (["stop", "enable", "scrap"] as const).filter((v) => d.actions.includes(v)) as LifecycleVerb[];
  if (d.actions.includes("delete")) verbs.push("remove");
  const editable = d.actions.includes("modify");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">
            {d.name} <span className="font-mono text-base text-muted-foreground">{d.serialNo}</span>
          </h1>
          <div className="mt-1 flex flex-wrap gap-2">
            <Badge data-testid="instrument-status" variant={d.status === "in_use" ? "success" : d.status === "scrapped" ? "destructive" : d.status === "stopped" ? "warning" : "secondary"}>
              {INSTRUMENT_STATUS_LABEL[d.status]}
            </Badge>
            <Badge variant="outline">{FILING_STATUS_LABEL[d.filingStatus]}</Badge>
            {d.flowStatus ? <Badge variant="warning">流程中</Badge> : null}
            {d.warning ? <Badge variant={d.warning === "red" ? "destructive" : "warning"}>{WARNING_LABEL[d.warning]}</Badge> : null}
          </div>
        </div>
        {d.actions.length ? (
          <div className="flex flex-wrap gap-2">
            {editable ? (
              <Button asChild size="sm" variant="outline">
                <Link href={`/enterprise/instruments/${id}/edit`}>
                  <Pencil aria-hidden /> 修改
                </Link>
              </Button>
            ) : null}
            <Button asChild size="sm" variant="outline">
              <Link href={`/enterprise/instruments/new?copy=${id}`}>
                <Copy aria-hidden /> 复制
              </Link>
            </Button>
            <LifecycleActions ids={[id]} verbs={verbs} onDone={(v) => v === "remove" && router.push("/enterprise/instruments")} />
            {d.filingStatus === "filed" ? <PrintLabels ids={[id]} /> : null}
          </div>
        ) : null}
      </div>
      {d.flowStatus ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800">器具正在备案或预约流程中，流程结束前不能修改、删除或变更状态。</p> : null}

      <dl className="grid gap-x-6 gap-y-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="项别 / 种别">
          {d.itemName} / {d.kindName}（{d.supervision}）
        </Field>
        <Field label="型号规格">{d.model}</Field>
        <Field label="测量范围">{d.measuringRange}</Field>
        <Field label="准确度等级">{d.accuracyClass}</Field>
        <Field label="出厂编号">{d.serialNo}</Field>
        <Field label="自编号">{d.ownNo}</Field>
        <Field label="生产厂家">{d.manufacturer}</Field>
        <Field label="生产地">{d.origin ? ORIGIN_LABEL[d.origin] : ""}</Field>
        <Field label="安装使用地点">{d.installLocation}</Field>
        <Field label="所在地">{d.regionName}</Field>
        <Field label="部门">{d.departmentName}</Field>
        <Field label="购买日期">{d.purchaseDate}</Field>
        <Field label="器具用途">{PURPOSE_LABEL[d.purpose]}</Field>
        <Field label="器具类型">{d.instrumentType}</Field>
        <Field label="检定方式">{METHOD_LABEL[d.method]}</Field>
        <Field label="器具数量">{d.quantity}</Field>
        <Field label="型式证书号">{d.typeCertNo}</Field>
        <Field label="检定机构">
          <span data-testid="instrument-institution">
            {d.institutionName ? (d.filingStatus === "filed" ? d.institutionName : `${d.institutionName}（备案审核中）`) : ""}
          </span>
        </Field>
        <Field label="器具编码">{d.instrumentCode}</Field>
        <Field label="检定证书号">{d.certificateNo}</Field>
        <Field label="有效期至">
          <span className={cn(d.warning === "red" && "font-medium text-red-700", d.warning === "yellow" && "font-medium text-amber-700")}>{d.validUntil ?? "—"}</span>
        </Field>
        <Field label="自定义标签">{d.tags.join(" ")}</Field>
        <Field label="备注">{d.remark}</Field>
      </dl>

      <AttachmentsPanel instrumentId={id} attachments={d.attachments} editable={editable} supervision={d.supervision} />

      <InstrumentCertificates instrumentId={id} />

      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-medium">历史记录</h2>
          <Button variant="outline" size="sm" onClick={() => setFilingOpen(true)}>
            <FileClock aria-hidden />
            备案记录（{FILING_STATUS_LABEL[d.filingStatus]}）
          </Button>
        </div>
        <FilingHistoryDialog instrumentId={filingOpen ? id : null} onOpenChange={setFilingOpen} />
        <ol className="space-y-1 border-l pl-4 text-sm" data-testid="instrument-history">
          {d.history.length === 0 ? <li className="text-muted-foreground">登记于 {formatDateTime(d.createdAt)}，暂无其他历史记录</li> : null}
          {d.history.map((h) => (
            <li key={h.id}>
              <span className="tabular-nums text-muted-foreground">{formatDateTime(h.at)}</span> · {h.actorName ?? "系统"} · <b>{h.actionLabel}</b>
              {/* Creation records every field; the list shows what changed (edits, corrections, status). */}
              {h.action === "instrument.create" || h.action === "instrument.copy" || h.action === "instrument.import" ? null : (
                <FieldChanges changes={h.changes} className="mt-0.5 space-y-0.5 text-xs" />
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
