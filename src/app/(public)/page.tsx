import Link from "next/link";
import { BookOpen, Building2, ClipboardCheck, Landmark, QrCode, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { NOTICE_KIND_LABEL } from "@/lib/vocab";
import { cachedLatestNotices, cachedPublicity } from "@/server/services/public/cached";

const ROLES = [
  { icon: Building2, title: "使用单位", text: "维护计量器具台账，在线备案、预约检定，跟踪进度，下载检定证书。" },
  { icon: ClipboardCheck, title: "计量技术机构", text: "审核备案、确认预约、接收登记、录入检定结果并出具带二维码的证书。" },
  { icon: Landmark, title: "计量行政管理部门", text: "按省、市、区县查看辖区强检器具统计与超期预警，发布公示公告。" },
  { icon: BookOpen, title: "社会公众", text: "扫描器具上的二维码核验证书，查询检定机构与强检目录。" },
];

/** The public home (issue 11 #4): one exact-match search box, notices, the 公示 list and the lookups. */
export default async function PortalHome() {
  const [publicity, notices] = await Promise.all([cachedPublicity(), cachedLatestNotices()]);
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-primary px-6 py-8 text-primary-foreground sm:px-10">
        <h1 className="text-2xl font-semibold sm:text-3xl">计量器具强制检定，一网通办</h1>
        <p className="mt-3 max-w-2xl text-primary-foreground/85">扫描器具或证书上的二维码即可核验；也可输入完整的证书编号或器具编码查询。</p>
        <form action="/search" method="get" role="search" className="mt-5 flex max-w-xl gap-2">
          <label htmlFor="q" className="sr-only">
            证书编号或器具编码
          </label>
          <input
            id="q"
            name="q"
            required
            maxLength={64}
            autoComplete="off"
            placeholder="证书编号或器具编码（精确匹配）"
            className="min-w-0 flex-1 rounded-md border-0 bg-background px-3 py-2 text-foreground placeholder:text-muted-foreground"
          />
          <Button type="submit" variant="secondary">
            <Search aria-hidden /> 查询
          </Button>
        </form>
        <div className="mt-5 flex flex-wrap gap-3">
          <Button asChild variant="secondary">
            <Link href="/login">登录工作台</Link>
          </Button>
          <Button asChild variant="outline" className="border-primary-foreground/40 bg-transparent text-primary-foreground hover:bg-primary-foreground/10">
            <Link href="/catalogue">强检目录</Link>
          </Button>
          <Button asChild variant="outline" className="border-primary-foreground/40 bg-transparent text-primary-foreground hover:bg-primary-foreground/10">
            <Link href="/institutions">检定机构</Link>
          </Button>
          <Button asChild variant="outline" className="border-primary-foreground/40 bg-transparent text-primary-foreground hover:bg-primary-foreground/10">
            <Link href="/notices">公示公告</Link>
          </Button>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="publicity" className="space-y-2 lg:col-span-2">
          <h2 id="publicity" className="text-lg font-semibold">
            办件公示
          </h2>
          {publicity.length ? (
            <>
            {/* A phone gets each record as a short card (a six-column table does not fit 390 px); wider screens the table. */}
            <ul className="divide-y rounded-lg border sm:hidden" data-testid="publicity-cards">
              {publicity.map((r) => (
                <li key={`${r.number}-${r.matter}`} className="space-y-1 p-3 text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">{r.matter}</span>
                    <span className="shrink-0 text-primary">{r.result}</span>
                  </div>
                  <p className="truncate text-muted-foreground">{r.applicant}</p>
                  <p className="flex justify-between gap-2 text-xs text-muted-foreground">
                    <span className="font-mono">{r.number}</span>
                    <span>{r.day}</span>
                  </p>
                </li>
              ))}
            </ul>
            <Table className="hidden sm:table">
              <TableHeader>
                <TableRow>
                  <TableHead>业务流水号</TableHead>
                  <TableHead>申请人</TableHead>
                  <TableHead>事项</TableHead>
                  <TableHead className="hidden md:table-cell">办理机构</TableHead>
                  <TableHead>时间</TableHead>
                  <TableHead>结果</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {publicity.map((r) => (
                  <TableRow key={`${r.number}-${r.matter}`}>
                    <TableCell className="font-mono text-xs">{r.number}</TableCell>
                    <TableCell className="max-w-40 truncate">{r.applicant}</TableCell>
                    <TableCell>{r.matter}</TableCell>
                    <TableCell className="hidden max-w-48 truncate md:table-cell">{r.institution}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.day}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.result}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">暂无办结业务</p>
          )}
        </section>
        <section aria-labelledby="notices" className="space-y-2">
          <h2 id="notices" className="text-lg font-semibold">
            通知公告
          </h2>
          {notices.length ? (
            <ul className="divide-y rounded-md border text-sm" data-testid="home-notices">
              {notices.map((n) => (
                <li key={n.id} className="p-3">
                  <Link href={`/notices/${n.id}`} className="font-medium hover:underline">
                    {n.title}
                  </Link>
                  <p className="mt-1 text-xs text-muted-foreground">
                    {NOTICE_KIND_LABEL[n.kind]} · {n.regulatorName}
                    {n.publishedAt ? ` · ${formatDateTime(new Date(n.publishedAt))}` : ""}
                  </p>
                </li>
              ))}
              <li className="p-3 text-right">
                <Link href="/notices" className="text-primary underline-offset-4 hover:underline">
                  更多公告
                </Link>
              </li>
            </ul>
          ) : (
            <p className="rounded-md border p-4 text-sm text-muted-foreground">暂无公告</p>
          )}
          <h2 className="pt-2 text-lg font-semibold">便民查询</h2>
          <ul className="space-y-2 text-sm">
            <li className="flex items-center gap-2">
              <QrCode className="size-4 text-primary" aria-hidden /> 扫描证书或器具标签上的二维码，查看检定状态
            </li>
            <li>
              <Link className="text-primary underline-offset-4 hover:underline" href="/catalogue">
                实施强制管理的计量器具目录
              </Link>
            </li>
            <li>
              <Link className="text-primary underline-offset-4 hover:underline" href="/institutions">
                计量技术机构名录
              </Link>
            </li>
          </ul>
        </section>
      </div>

      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="平台用户">
        {ROLES.map((r) => (
          <Card key={r.title} className="gap-2">
            <CardHeader>
              <CardTitle className="flex items-center gap-2 text-base">
                <r.icon className="size-5 text-primary" aria-hidden />
                {r.title}
              </CardTitle>
              <CardDescription>{r.text}</CardDescription>
            </CardHeader>
          </Card>
        ))}
      </section>
    </div>
  );
}
