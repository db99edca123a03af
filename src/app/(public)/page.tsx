import Link from "next/link";
import { BookOpen, Building2, ClipboardCheck, Landmark } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const ROLES = [
  { icon: Building2, title: "使用单位", text: "维护计量器具台账，在线备案、预约检定，跟踪进度，下载检定证书。" },
  { icon: ClipboardCheck, title: "计量技术机构", text: "审核备案、确认预约、接收登记、录入检定结果并出具带二维码的证书。" },
  { icon: Landmark, title: "计量行政管理部门", text: "按省、市、区县查看辖区强检器具统计与超期预警，发布公示公告。" },
  { icon: BookOpen, title: "社会公众", text: "扫描器具上的二维码核验证书，查询检定机构与强检目录。" },
];

export default function PortalHome() {
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-primary px-6 py-10 text-primary-foreground sm:px-10">
        <h1 className="text-2xl font-semibold sm:text-3xl">计量器具强制检定，一网通办</h1>
        <p className="mt-3 max-w-2xl text-primary-foreground/85">
          企业建台账、备案、预约，技术机构检定出证，监管部门全程掌握，公众扫码即可核验证书。
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button asChild variant="secondary">
            <Link href="/login">登录工作台</Link>
          </Button>
          <Button asChild variant="outline" className="border-primary-foreground/40 bg-transparent text-primary-foreground hover:bg-primary-foreground/10">
            <Link href="/catalogue">查看强检目录</Link>
          </Button>
          <Button asChild variant="outline" className="border-primary-foreground/40 bg-transparent text-primary-foreground hover:bg-primary-foreground/10">
            <Link href="/notices">公示公告</Link>
          </Button>
        </div>
      </section>
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
