import type { Metadata } from "next";
import Link from "next/link";
import { publicNoticeListInput } from "@/lib/schemas/regulator";
import { formatDateTime } from "@/lib/format";
import { NOTICE_KIND_LABEL } from "@/lib/vocab";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "公示公告" };

/** 公示公告 on the public portal (issue 12 item 4): published notices, newest first, server-rendered. */
export default async function NoticesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const input = publicNoticeListInput.safeParse({ limit: 20, cursor: sp.cursor ? Number(sp.cursor) : undefined, kind: sp.kind });
  const { items, nextCursor } = await (await serverCaller()).publicNotice.list(input.success ? input.data : { limit: 20 });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">公示公告</h1>
        <p className="text-sm text-muted-foreground">各级市场监督管理部门发布的计量器具强制检定通知公告与公示。</p>
      </div>
      <nav className="flex gap-3 text-sm" aria-label="类别">
        <Link className={!sp.kind ? "font-semibold text-primary" : "text-muted-foreground"} href="/notices">
          全部
        </Link>
        {Object.entries(NOTICE_KIND_LABEL).map(([k, l]) => (
          <Link key={k} className={sp.kind === k ? "font-semibold text-primary" : "text-muted-foreground"} href={`/notices?kind=${k}`}>
            {l}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? <p className="text-sm text-muted-foreground">暂无公告</p> : null}
      <ul className="divide-y rounded-lg border">
        {items.map((n) => (
          <li key={n.id} className="p-4" data-testid="public-notice">
            <Link href={`/notices/${n.id}`} className="font-medium hover:underline">
              {n.title}
            </Link>
            <p className="mt-1 text-sm text-muted-foreground">{n.excerpt}</p>
            <p className="mt-1 text-xs text-muted-foreground">
              {NOTICE_KIND_LABEL[n.kind]} · {n.regulatorName} · {formatDateTime(n.publishedAt)}
            </p>
          </li>
        ))}
      </ul>
      {nextCursor ? (
        <Link className="text-sm text-primary underline" href={`/notices?cursor=${nextCursor}${sp.kind ? `&kind=${sp.kind}` : ""}`}>
          更早的公告
        </Link>
      ) : null}
    </div>
  );
}
