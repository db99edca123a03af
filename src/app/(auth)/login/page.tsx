import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const notice = sp.expired
    ? "长时间未操作，登录已过期，请重新登录。"
    : sp.passwordChanged
      ? "密码已修改，请使用新密码重新登录。"
      : sp.signedOut
        ? "您已安全退出。"
        : null;
  const next = sp.next?.startsWith("/") && !sp.next.startsWith("//") ? sp.next : "/home";
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <Brand />
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>账户登录</CardTitle>
          <CardDescription>使用单位、技术机构、监管部门与平台管理员均在此登录</CardDescription>
        </CardHeader>
        <CardContent>
          {notice ? (
            <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm" data-testid="login-notice">
              {notice}
            </p>
          ) : null}
          <LoginForm next={next} />
          <div className="mt-4 flex justify-between text-sm">
            <Link className="text-primary underline" href="/register">
              注册账户
            </Link>
            <Link className="text-primary underline" href="/forgot-password">
              忘记密码？
            </Link>
          </div>
          <p className="mt-3 text-center text-sm text-muted-foreground">
            <Link href="/" className="underline-offset-4 hover:underline">
              返回门户首页
            </Link>
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
