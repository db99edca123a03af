import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { AppProviders } from "@/components/layout/app-providers";
import { Brand } from "@/components/layout/brand";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "找回密码" };

/** R-ACC-4: username + phone + SMS code, then a new password (seed 004 2.3). */
export default function ForgotPasswordPage() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <Brand />
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>
            <h1>找回密码</h1>
          </CardTitle>
          <CardDescription>输入用户名和注册时的手机号码，凭短信验证码设置新密码</CardDescription>
        </CardHeader>
        <CardContent>
          <AppProviders>
            <ForgotPasswordForm />
          </AppProviders>
        </CardContent>
      </Card>
      <Link className="text-sm text-primary underline" href="/login">
        返回登录
      </Link>
    </div>
  );
}
