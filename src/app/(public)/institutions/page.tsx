import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { directoryFilterSchema } from "@/lib/schemas/directory";
import { INSTITUTION_KIND_LABEL, INSTITUTION_KINDS, LEVEL_LABEL } from "@/lib/vocab";
import { cachedDirectory, cachedDirectoryRegions } from "@/server/services/public/cached";

export const metadata: Metadata = { title: "计量技术机构名录" };

const selectClass = "h-9 rounded-md border bg-background px-2 text-sm";

/** Institution directory (issue 11 #5, seed 004 §5): filters by region and kind, server-rendered, no client script. */
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const f = directoryFilterSchema.parse({ region: raw.region || undefined, kind: raw.kind || undefined, cursor: raw.cursor || undefined });
  const [{ items, nextCursor }, regions] = await Promise.all([cachedDirectory(f), cachedDirectoryRegions()]);
  const next = nextCursor ? `/institutions?${new URLSearchParams({ ...(f.region ? { region: f.region } : {}), ...(f.kind ? { kind: f.kind } : {}), cursor: String(nextCursor) })}` : null;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">计量技术机构名录</h1>
        <p className="text-sm text-muted-foreground">本平台已入驻的法定计量技术机构和授权计量技术机构，含授权证书编号及有效期。</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="筛选">
        <label className="flex flex-col gap-1 text-sm">
          地区
          <select name="region" defaultValue={f.region ?? ""} className={selectClass}>
            <option value="">全部地区</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.level === "city" ? `　${r.name}` : r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          机构类型
          <select name="kind" defaultValue={f.kind ?? ""} className={selectClass}>
            <option value="">全部类型</option>
            {INSTITUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {INSTITUTION_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm">
          查询
        </Button>
      </form>
      {items.length ? (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>机构名称</TableHead>
              <TableHead className="hidden sm:table-cell">级别</TableHead>
              <TableHead>类型</TableHead>
              <TableHead className="hidden md:table-cell">授权证书编号</TableHead>
              <TableHead className="hidden md:table-cell">授权区域</TableHead>
              <TableHead className="hidden sm:table-cell">有效期至</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <Link className="text-primary underline-offset-4 hover:underline" href={`/institutions/${i.id}`}>
                    {i.name}
                  </Link>
                </TableCell>
                <TableCell className="hidden sm:table-cell">{i.level ? LEVEL_LABEL[i.level] : "—"}</TableCell>
                <TableCell>{i.kind ? (i.kind === "legal" ? "法定" : "授权") : "—"}</TableCell>
                <TableCell className="hidden md:table-cell">{i.authorisationCertNo ?? "—"}</TableCell>
                <TableCell className="hidden md:table-cell">{i.regionName ?? "—"}</TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">{i.authorisationValidUntil ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="rounded-md border p-6 text-center text-sm text-muted-foreground">没有符合条件的机构</p>
      )}
      <div className="flex gap-3 text-sm">
        {f.cursor ? (
          <Link className="text-primary" href={`/institutions?${new URLSearchParams({ ...(f.region ? { region: f.region } : {}), ...(f.kind ? { kind: f.kind } : {}) })}`}>
            回到第一页
          </Link>
        ) : null}
        {next ? (
          <Link className="text-primary" href={next}>
            下一页
          </Link>
        ) : null}
      </div>
    </div>
  );
}
