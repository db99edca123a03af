import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegistrationForm } from "@/components/accounts/registration-form";
import { AppProviders } from "@/components/layout/app-providers";
import { Brand } from "@/components/layout/brand";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RegistrationKind } from "@/lib/schemas/accounts";

const TITLES: Record<RegistrationKind, { title: string; note: string }> = {
  enterprise: { title: "使用单位注册", note: "提交后由所在地市的法定计量技术机构或平台管理员审核，审核通过后即可办理业务。" },
  institution: { title: "计量技术机构注册", note: "提交后由平台管理员审核。" },
  regulator: { title: "计量行政部门注册", note: "部门名称请填写“xxxx市场监督管理局”。提交后由平台管理员审核。" },
  personal: { title: "个人注册", note: "注册后可凭统一社会信用代码申请关联所在单位。" },
};

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  return { title: TITLES[kind as RegistrationKind]?.title ?? "注册账户" };
}

export default async function RegisterPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const t = TITLES[kind as RegistrationKind];
  if (!t) notFound();
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 p-4 sm:p-8">
      <Brand />
      <Card>
        <CardHeader>
          <CardTitle>
            <h1>{t.title}</h1>
          </CardTitle>
          <CardDescription>{t.note}</CardDescription>
        </CardHeader>
        <CardContent>
          <AppProviders>
            <RegistrationForm kind={kind as RegistrationKind} />
          </AppProviders>
        </CardContent>
      </Card>
      <p className="text-sm">
        <Link className="text-primary underline" href="/register">
          ← 重新选择用户类型
        </Link>
        <span className="mx-2 text-muted-foreground">|</span>
        已有账户？<Link className="text-primary underline" href="/login">登录</Link>
      </p>
    </div>
  );
}
