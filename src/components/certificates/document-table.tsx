"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Download, FileArchive } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatYuan } from "@/lib/money";
import { CERTIFICATE_KIND_LABEL, DOCUMENT_VIEW_STATE_LABEL, type CertificateKind, type DocumentViewState } from "@/lib/vocab";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { FeeDialog } from "./fee-dialog";
import { ReissueDialog } from "./reissue-dialog";

const STATE_VARIANT: Record<DocumentViewState, "success" | "warning" | "destructive" | "secondary"> = {
  valid: "success",
  expiring: "warning",
  expired: "destructive",
  failed: "destructive",
  revoked: "secondary",
};
const KIND_OPTIONS = Object.entries(CERTIFICATE_KIND_LABEL) as [CertificateKind, string][];
const STATE_OPTIONS = (["valid", "expiring", "expired", "failed", "revoked"] as const).map((s) => [s, DOCUMENT_VIEW_STATE_LABEL[s]] as [DocumentViewState, string]);

export const documentUrl = (id: number) => `/api/certificates/${id}`;
export const zipUrl = (ids: number[]) => `/api/certificates/zip?ids=${ids.join(",")}`;

export type DocumentRow = inferRouterOutputs<AppRouter>["certificates"]["list"]["items"][number];
type Row = DocumentRow;
type Filters = { kind?: CertificateKind; state?: DocumentViewState; from?: string; to?: string; q?: string };

/**
 * 证书 list (issue 10 item 7): the enterprise's documents or those the institution issued, with filters,
 * per-row PDF download, and a batch of selected documents as one zip. A document whose fee is unpaid shows
 * 待缴费 and why instead of its download (R-RES-4). The institution also records fees and re-issues.
 * `instrumentId` / `appointmentId` fix the list to one instrument or appointment (sections of their pages).
 */
export function DocumentTable({ reader, instrumentId, appointmentId }: { reader: "enterprise" | "institution"; instrumentId?: number; appointmentId?: number }) {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const section = instrumentId !== undefined || appointmentId !== undefined;
  const [filters, setFilters] = useState<Filters>({});
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState<number[]>([]);
  const [feeFor, setFeeFor] = useState<Row | null>(null);
  const [reissueFor, setReissueFor] = useState<Row | null>(null);
  const { data, isPending, isFetching, error } = useQuery({
    ...trpc.certificates.list.queryOptions({ ...filters, instrumentId, appointmentId, limit: section ? 20 : 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  const downloadable = items.filter((i) => !i.blocked);
  const apply = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setSelected([]);
    pages.reset();
  };
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  return (
    <div className="space-y-3">
      {section ? null : (
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-[10rem_10rem_10rem_10rem_1fr]">
          <SelectFilter id="doc-kind" label="类别" value={filters.kind} options={KIND_OPTIONS} onChange={(kind) => apply({ kind })} />
          <SelectFilter id="doc-state" label="状态" value={filters.state} options={STATE_OPTIONS} onChange={(state) => apply({ state })} />
          <div className="space-y-1">
            <Label htmlFor="doc-from">签发日期从</Label>
            <Input id="doc-from" type="date" value={filters.from ?? ""} onChange={(e) => apply({ from: e.target.value || undefined })} />
          </div>
          <div className="space-y-1">
            <Label htmlFor="doc-to">至</Label>
            <Input id="doc-to" type="date" value={filters.to ?? ""} onChange={(e) => apply({ to: e.target.value || undefined })} />
          </div>
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              apply({ q: q.trim() || undefined });
            }}
          >
            <div className="flex-1 space-y-1">
              <Label htmlFor="doc-q">搜索</Label>
              <Input id="doc-q" placeholder="证书编号、器具名称、出厂编号或器具编码" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} />
            </div>
            <Button type="submit" variant="outline">
              查询
            </Button>
          </form>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {selected.length > 0 ? (
          <Button asChild size="sm" data-testid="download-zip">
            <a href={zipUrl(selected)} download>
              <FileArchive aria-hidden /> 打包下载所选（{selected.length} 份）
            </a>
          </Button>
        ) : (
          <Button size="sm" disabled data-testid="download-zip">
            <FileArchive aria-hidden /> 打包下载所选
          </Button>
        )}
        <span className="text-xs text-muted-foreground">勾选多份证书，打包为一个 zip 文件下载</span>
      </div>
      {error ? <p className="text-destructive">{error.message}</p> : null}
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="暂无证书" emptyDescription={section ? "检定完成后，证书或检定结果通知书会出现在这里" : "没有符合条件的证书或检定结果通知书"}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox
                  aria-label="全选可下载的证书"
                  checked={downloadable.length > 0 && downloadable.every((i) => selected.includes(i.id))}
                  onCheckedChange={(on) => setSelected(on ? downloadable.map((i) => i.id) : [])}
                />
              </TableHead>
              <TableHead>编号 / 器具</TableHead>
              <TableHead>状态</TableHead>
              <TableHead className="hidden md:table-cell">{reader === "enterprise" ? "检定机构" : "使用单位"}</TableHead>
              <TableHead className="hidden md:table-cell">检定日期</TableHead>
              <TableHead className="hidden md:table-cell">有效期至</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id} data-testid={`document-${d.serialNo}`} data-id={d.id}>
                <TableCell>
                  <Checkbox aria-label={`选择 ${d.number}`} disabled={!!d.blocked} checked={selected.includes(d.id)} onCheckedChange={(on) => toggle(d.id, on === true)} />
                </TableCell>
                <TableCell className="min-w-40 whitespace-normal">
                  <div className="text-xs text-muted-foreground">{CERTIFICATE_KIND_LABEL[d.kind]}</div>
                  <div className="font-mono text-sm break-all">{d.number}</div>
                  <div className="text-sm">
                    {reader === "enterprise" && instrumentId === undefined ? (
                      <Link className="text-primary hover:underline" href={`/enterprise/instruments/${d.instrumentId}`}>
                        {d.instrumentName}
                      </Link>
                    ) : (
                      d.instrumentName
                    )}{" "}
                    <span className="font-mono text-xs text-muted-foreground">{d.serialNo}</span>
                  </div>
                  {d.replacesId ? <div className="text-xs text-muted-foreground">重新出具，替代原证书</div> : null}
                  {d.revokeReason ? <div className="text-xs text-muted-foreground">撤销原因：{d.revokeReason}</div> : null}
                </TableCell>
                <TableCell className="whitespace-normal">
                  <div className="flex flex-col items-start gap-1">
                    <Badge variant={STATE_VARIANT[d.viewState]}>{DOCUMENT_VIEW_STATE_LABEL[d.viewState]}</Badge>
                    {d.fee === "unpaid" ? <Badge variant="warning">待缴费 {formatYuan(d.feeCents!)} 元</Badge> : null}
                    {d.fee === "paid" ? <Badge variant="outline">已缴费 {formatYuan(d.feeCents!)} 元</Badge> : null}
                  </div>
                </TableCell>
                <TableCell className="hidden md:table-cell">{reader === "enterprise" ? d.institutionName : d.userUnit}</TableCell>
                <TableCell className="hidden md:table-cell">{d.verifiedOn}</TableCell>
                <TableCell className="hidden md:table-cell">{d.kind === "certificate" ? (d.validUntil ?? "—") : "—"}</TableCell>
                <TableCell className="text-right whitespace-normal">
                  <div className="flex flex-wrap justify-end gap-1">
                    {d.blocked ? (
                      <p className="max-w-56 text-left text-xs text-amber-800" data-testid="fee-block">
                        {d.blocked}
                      </p>
                    ) : (
                      <Button asChild size="sm" variant="outline">
                        <a href={documentUrl(d.id)} download aria-label={`下载 ${d.number}`}>
                          <Download aria-hidden /> 下载
                        </a>
                      </Button>
                    )}
                    {reader === "institution" ? (
                      <>
                        <Button size="sm" variant="ghost" onClick={() => setFeeFor(d)}>
                          费用
                        </Button>
                        {d.state === "issued" ? (
                          <Button size="sm" variant="ghost" onClick={() => setReissueFor(d)}>
                            重新出具
                          </Button>
                        ) : null}
                      </>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      {reader === "institution" ? (
        <>
          <FeeDialog row={feeFor} onClose={() => setFeeFor(null)} />
          <ReissueDialog row={reissueFor} onClose={() => setReissueFor(null)} />
        </>
      ) : null}
    </div>
  );
}
