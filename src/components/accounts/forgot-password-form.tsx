"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { Field } from "./fields";
import { PhoneWithCode } from "./sms-code-field";

type FieldErrors = Record<string, string | undefined>;
const firstErrors = (e: unknown): FieldErrors => {
  const fe = (e as { data?: { fieldErrors?: Record<string, string[] | undefined> } })?.data?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v?.[0]]));
};

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [username, setUsername] = useState("");
  const [phone, setPhone] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const requestCode = useMutation(trpc.account.requestResetCode.mutationOptions());
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());

  if (reset.isSuccess) {
    return (
      <div className="space-y-3" role="status" data-testid="reset-done">
        <p>密码已重置，请使用新密码登录。</p>
        <Button asChild>
          <Link href="/login">去登录</Link>
        </Button>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setErrors({});
        reset.mutate(
          {
            username: username.trim(),
            phone: phone.trim(),
            code: String(f.get("code") ?? ""),
            password: String(f.get("password") ?? ""),
            confirmPassword: String(f.get("confirmPassword") ?? ""),
          },
          { onError: (err) => setErrors(firstErrors(err)) },
        );
      }}
    >
      <Field name="username" label="用户名" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} error={errors.username} />
      <PhoneWithCode
        phone={phone}
        onPhone={setPhone}
        codeName="code"
        errors={errors}
        request={() => {
          if (!username.trim()) return Promise.reject(new Error("请先输入用户名"));
          return requestCode.mutateAsync({ username: username.trim(), phone: phone.trim() });
        }}
      />
      <Field name="password" label="新密码" type="password" autoComplete="new-password" maxLength={20} error={errors.password} hint="8–20 位，须含数字、大写字母和小写字母" />
      <Field name="confirmPassword" label="确认新密码" type="password" autoComplete="new-password" maxLength={20} error={errors.confirmPassword} />
      {reset.error ? (
        <p className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive" role="alert" data-testid="form-error">
          {reset.error.message}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={reset.isPending}>
        {reset.isPending ? "正在提交…" : "重置密码"}
      </Button>
    </form>
  );
}
