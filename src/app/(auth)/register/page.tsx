import type { Metadata } from "next";
import Link from "next/link";
import { Building2, FlaskConical, Landmark, User } from "lucide-react";
import { Brand } from "@/components/layout/brand";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "注册账户" };

const KINDS = [
  { kind: "enterprise", title: "使用单位注册", icon: Building2, text: "企业、医院、加油站等计量器具使用单位（申请方）。需上传营业执照和法人授权书，由所在地市法定计量技术机构审核。" },
  { kind: "institution", title: "计量技术机构注册", icon: FlaskConical, text: "法定或授权计量技术机构。需上传统一社会信用代码证书，由平台管理员审核。" },
  { kind: "regulator", title: "计量行政部门注册", icon: Landmark, text: "各级市场监督管理局。部门名称请填写“xxxx市场监督管理局”，由平台管理员审核。" },
  { kind: "personal", title: "个人注册", icon: User, text: "单位职工先注册个人账户，再凭统一社会信用代码申请关联所在单位，由单位管理员审核。" },
] as const;

export default function RegisterChoice() {
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 p-4 sm:p-8">
      <Brand />
      <div>
        <h1 className="text-xl font-semibold">注册账户</h1>
        <p className="text-sm text-muted-foreground">请选择用户类型</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {KINDS.map((k) => (
          <Link key={k.kind} href={`/register/${k.kind}`} className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
            <Card className="h-full transition-colors hover:border-primary">
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  <k.icon className="size-5 text-primary" aria-hidden />
                  {k.title}
                </CardTitle>
                <CardDescription>{k.text}</CardDescription>
              </CardHeader>
              <CardContent />
            </Card>
          </Link>
        ))}
      </div>
      <p className="text-sm">
        已有账户？<Link className="text-primary underline" href="/login">登录</Link>
      </p>
    </div>
  );
}
