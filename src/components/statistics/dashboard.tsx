"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ChevronRight } from "lucide-react";
import { ListPager } from "@/components/list/list-pager";
import { SelectFilter } from "@/components/list/select-filter";
import { ListState } from "@/components/list/list-state";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { passRate, statListHref, type StatLink } from "@/lib/stat-links";
import { PURPOSE_LABEL, PURPOSES, type Purpose } from "@/lib/vocab/purpose";
import { STAT_PERIOD_LABEL, STAT_PERIODS, type StatPeriod } from "@/lib/vocab/stat-period";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { useTRPC } from "@/trpc/react";
import { HorizontalBars, MonthlyChart } from "./charts";

const FIG = [
  ["all", "器具总数", "all"],
  ["filed", "已备案", null],
  ["valid", "有效", "valid"],
  ["due", "须检", "due"],
  ["overdue", "超期未检", "overdue"],
  ["invalid", "无效", "invalid"],
  ["failed", "不合格", "failed"],
] as const;
const CHILD_WORD = { city: "地市", county: "区县", enterprise: "企业" } as const;

/** A number that opens the list behind it. */
function N({ value, link, testId }: { value: number; link: StatLink; testId?: string }) {
  return (
    <Link href={statListHref(link)} className="tabular-nums text-primary underline-offset-2 hover:underline" data-testid={testId}>
      {value.toLocaleString("zh-CN")}
    </Link>
  );
}

/** 统计分析 (issue 12 item 2): cards, child regions with drill-down, charts; the filters live in the URL. */
export function StatisticsDashboard() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const num = (k: string) => (params.get(k) && /^\d+$/.test(params.get(k)!) ? Number(params.get(k)) : undefined);
  const period = (STAT_PERIODS as readonly string[]).includes(params.get("period") ?? "") ? (params.get("period") as StatPeriod) : "year";
  const purpose = (PURPOSES as readonly string[]).includes(params.get("purpose") ?? "") ? (params.get("purpose") as Purpose) : undefined;
  const filter = { region: params.get("region") || undefined, period, item: num("item"), purpose, institution: num("institution") };
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v);
      else next.delete(k);
    router.push(`${pathname}?${next.toString()}`);
  };
  const options = useQuery(trpc.statistics.filterOptions.queryOptions());
  // A county's enterprises come a page at a time; another region or filter starts again at the first page.
  const pages = useKeysetPages<string>();
  const filterKey = JSON.stringify(filter);
  const [pagedFor, setPagedFor] = useState(filterKey);
  if (pagedFor !== filterKey) {
    setPagedFor(filterKey);
    pages.reset();
  }
  const data = useQuery({ ...trpc.statistics.dashboard.queryOptions({ ...filter, cursor: pagedFor === filterKey ? pages.cursor : null }), placeholderData: keepPreviousData });
  const breakdown = useQuery({ ...trpc.statistics.breakdown.queryOptions(filter), placeholderData: keepPreviousData });
  const d = data.data;
  const base = (region: string, enterprise?: number | null): StatLink => ({ region, item: filter.item, purpose: filter.purpose, institution: filter.institution, enterprise });

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <SelectFilter id="stat-period" label="统计期间" value={period} options={STAT_PERIODS.map((p) => [p, STAT_PERIOD_LABEL[p]])} onChange={(v) => set({ period: v })} />
        <SelectFilter
          id="stat-item"
          label="项别"
          value={filter.item ? String(filter.item) : undefined}
          options={(options.data?.items ?? []).map((i) => [String(i.id), i.name])}
          onChange={(v) => set({ item: v })}
        />
        <SelectFilter id="stat-purpose" label="器具用途" value={purpose} options={PURPOSES.map((p) => [p, PURPOSE_LABEL[p]])} onChange={(v) => set({ purpose: v })} />
        <SelectFilter
          id="stat-institution"
          label="检定机构"
          value={filter.institution ? String(filter.institution) : undefined}
          options={(options.data?.institutions ?? []).map((i) => [String(i.id), i.name])}
          onChange={(v) => set({ institution: v })}
        />
      </div>
      {data.error ? <p className="text-sm text-destructive">{data.error.message}</p> : null}
      {d ? (
        <>
          <nav aria-label="地区层级" className="flex flex-wrap items-center gap-1 text-sm" data-testid="stat-breadcrumb">
            {d.breadcrumb.map((b, i) => (
              <span key={b.code} className="flex items-center gap-1">
                {i > 0 ? <ChevronRight className="size-4 text-muted-foreground" aria-hidden /> : null}
                {b.code === d.region.code ? (
                  <span className="font-medium">{b.name}</span>
                ) : (
                  <button type="button" className="text-primary hover:underline" onClick={() => set({ region: b.code })}>
                    {b.name}
                  </button>
                )}
              </span>
            ))}
            <span className="ml-2 text-xs text-muted-foreground">按 {d.today}（北京时间）计算</span>
          </nav>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" data-testid="stat-cards">
            {FIG.map(([key, label, bucket]) => (
              <Card key={key} className="gap-1 py-3">
                <CardContent className="px-3">
                  <div className="text-xs text-muted-foreground">{label}</div>
                  <div className="text-xl font-semibold">
                    <N value={d.cards[key]} link={{ ...base(d.region.code), ...(bucket ? { bucket } : { filingStatus: "filed" }) }} testId={`card-${key}`} />
                  </div>
                </CardContent>
              </Card>
            ))}
            <Card className="gap-1 py-3">
              <CardContent className="px-3">
                <div className="text-xs text-muted-foreground">期间检定（{STAT_PERIOD_LABEL[period]}）</div>
                <div className="text-xl font-semibold">
                  <N value={d.cards.verified} link={{ ...base(d.region.code), verifiedFrom: d.periodFrom }} testId="card-verified" />
                </div>
              </CardContent>
            </Card>
            <Card className="gap-1 py-3">
              <CardContent className="px-3">
                <div className="text-xs text-muted-foreground">合格率</div>
                <div className="text-xl font-semibold tabular-nums" data-testid="card-pass-rate">
                  {passRate(d.cards.passed, d.cards.verified)}
                </div>
              </CardContent>
            </Card>
          </div>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">
                {d.region.name} · 按{CHILD_WORD[d.childLevel]}
                {d.enterpriseCount !== null ? (
                  <span className="ml-2 text-sm font-normal text-muted-foreground" data-testid="stat-enterprise-count">
                    共 {d.enterpriseCount.toLocaleString("zh-CN")} 家，按器具数从多到少
                  </span>
                ) : null}
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <HorizontalBars
                data={d.rows.filter((r) => r.figures.all > 0).slice(0, 25).map((r) => ({ name: r.name, all: r.figures.all, overdue: r.figures.overdue, failed: r.figures.failed }))}
                series={[
                  { key: "all", label: "器具总数", color: "#2563eb" },
                  { key: "overdue", label: "超期未检", color: "#f59e0b" },
                  { key: "failed", label: "不合格", color: "#dc2626" },
                ]}
              />
              <ListState pending={false} empty={d.rows.length === 0} emptyTitle="本地区暂无器具">
                <Table data-testid="stat-table">
                  <TableHeader>
                    <TableRow>
                      <TableHead>{CHILD_WORD[d.childLevel]}</TableHead>
                      {FIG.map(([key, label]) => (
                        <TableHead key={key} className="text-right">
                          {label}
                        </TableHead>
                      ))}
                      {d.childLevel !== "enterprise" ? (
                        <>
                          <TableHead className="text-right">期间检定</TableHead>
                          <TableHead className="text-right">合格率</TableHead>
                        </>
                      ) : null}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.rows.map((r) => {
                      const link = base(r.region ?? d.region.code, r.enterprise);
                      return (
                        <TableRow key={r.key} data-testid={`stat-row-${r.region ?? `e${r.enterprise}`}`}>
                          <TableCell className="whitespace-nowrap font-medium">
                            {r.region ? (
                              <button type="button" className="text-primary hover:underline" onClick={() => set({ region: r.region! })}>
                                {r.name}
                              </button>
                            ) : (
                              r.name
                            )}
                          </TableCell>
                          {FIG.map(([key, , bucket]) => (
                            <TableCell key={key} className="text-right" data-testid={`cell-${key}`}>
                              <N value={r.figures[key]} link={{ ...link, ...(bucket ? { bucket } : { filingStatus: "filed" }) }} />
                            </TableCell>
                          ))}
                          {r.verified !== null ? (
                            <>
                              <TableCell className="text-right">
                                <N value={r.verified} link={{ ...link, verifiedFrom: d.periodFrom }} />
                              </TableCell>
                              <TableCell className="text-right tabular-nums">{passRate(r.passed ?? 0, r.verified)}</TableCell>
                            </>
                          ) : null}
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </ListState>
              {d.childLevel === "enterprise" ? <ListPager pages={pages} nextCursor={d.nextCursor} busy={data.isFetching} /> : null}
            </CardContent>
          </Card>
        </>
      ) : (
        <ListState pending={data.isPending} empty={false}>
          {null}
        </ListState>
      )}
      {breakdown.data ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">按项别</CardTitle>
            </CardHeader>
            <CardContent>
              <HorizontalBars
                data={breakdown.data.byItem.slice(0, 12).map((i) => ({ name: i.name, all: i.all, overdue: i.overdue }))}
                series={[
                  { key: "all", label: "器具总数", color: "#2563eb" },
                  { key: "overdue", label: "超期未检", color: "#f59e0b" },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">按器具用途</CardTitle>
            </CardHeader>
            <CardContent>
              <HorizontalBars
                data={breakdown.data.byPurpose.map((p) => ({ name: PURPOSE_LABEL[p.purpose], all: p.all, overdue: p.overdue }))}
                series={[
                  { key: "all", label: "器具总数", color: "#2563eb" },
                  { key: "overdue", label: "超期未检", color: "#f59e0b" },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">近 12 个月检定量与合格率</CardTitle>
            </CardHeader>
            <CardContent>
              <MonthlyChart data={breakdown.data.monthly} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">检定机构工作量（{STAT_PERIOD_LABEL[period]}）</CardTitle>
            </CardHeader>
            <CardContent>
              {breakdown.data.workload.length ? (
                <HorizontalBars
                  data={breakdown.data.workload.map((w) => ({ name: w.name, passed: w.passed, failed: w.verified - w.passed }))}
                  series={[
                    { key: "passed", label: "合格", color: "#16a34a" },
                    { key: "failed", label: "不合格", color: "#dc2626" },
                  ]}
                />
              ) : (
                <p className="text-sm text-muted-foreground">本期间暂无检定记录</p>
              )}
            </CardContent>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
