import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { INSTITUTION_KIND_LABEL, LEVEL_LABEL, METHOD_LABEL } from "@/lib/vocab";
import { cachedDirectoryEntry } from "@/server/services/public/cached";

export const metadata: Metadata = { title: "计量技术机构" };

/** One institution of the directory (issue 11 #5): public facts and the kinds it verifies. */
export default async function DirectoryEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  const e = Number.isSafeInteger(n) && n > 0 ? await cachedDirectoryEntry(n) : null;
  if (!e) notFound();
  const rows: [string, string | null][] = [
    ["机构类型", e.kind ? INSTITUTION_KIND_LABEL[e.kind] : null],
    ["级别", e.level ? LEVEL_LABEL[e.level] : null],
    ["授权区域", e.regionName],
    ["授权证书编号", e.authorisationCertNo],
    ["授权有效期至", e.authorisationValidUntil],
    ["地址", e.address],
    ["联系电话", e.contactPhone],
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/institutions" className="text-sm text-primary">
        ← 机构名录
      </Link>
      <h1 className="text-xl font-semibold">{e.name}</h1>
      <dl className="divide-y rounded-md border">
        {rows.map(([k, v]) => (
          <div key={k} className="flex gap-4 px-4 py-2 text-sm">
            <dt className="w-28 shrink-0 text-muted-foreground">{k}</dt>
            <dd>{v ?? "—"}</dd>
          </div>
        ))}
      </dl>
      <h2 className="text-lg font-semibold">检定项目</h2>
      {e.capabilities.length ? (
        <ul className="divide-y rounded-md border text-sm">
          {e.capabilities.map((c) => (
            <li key={c.kind} className="flex justify-between gap-4 px-4 py-2">
              <span>{c.kind}</span>
              <span className="text-muted-foreground">{c.methods.map((m) => METHOD_LABEL[m]).join("、")}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">暂未公布检定项目</p>
      )}
    </div>
  );
}
