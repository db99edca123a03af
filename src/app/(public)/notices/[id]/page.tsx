import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoticeBody } from "@/components/regulator/notice-body";
import { idSchema } from "@/lib/schemas/common";
import { formatDateTime } from "@/lib/format";
import { NOTICE_KIND_LABEL } from "@/lib/vocab";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "公示公告" };

/** One published notice (issue 12 item 4); a draft, withdrawn or unknown one is a 404 page. */
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const n = await (await serverCaller()).publicNotice.byId({ id: id.data }).catch((e: { code?: string }) => {
    if (e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <Link href="/notices" className="text-sm text-primary underline">
        ← 返回公示公告
      </Link>
      <header className="space-y-1 border-b pb-3">
        <h1 className="text-xl font-semibold" data-testid="notice-title">
          {n.title}
        </h1>
        <p className="text-sm text-muted-foreground">
          {NOTICE_KIND_LABEL[n.kind]} · {n.regulatorName} · 发布于 {formatDateTime(n.publishedAt)}
        </p>
      </header>
      <NoticeBody html={n.bodyHtml} />
      {n.attachments.length ? (
        <section className="space-y-1 border-t pt-3">
          <h2 className="text-sm font-medium">附件</h2>
          <ul className="text-sm">
            {n.attachments.map((a) => (
              <li key={a.id}>
                <a className="text-primary underline" href={`/api/notices/attachments/${a.id}`}>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
