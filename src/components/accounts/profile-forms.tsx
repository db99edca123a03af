"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ROLE_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { Field } from "./fields";

type FieldErrors = Record<string, string | undefined>;
export const fieldErrorsOf = (e: unknown): FieldErrors => {
  const fe = (e as { data?: { fieldErrors?: Record<string, string[] | undefined> } })?.data?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v?.[0]]));
};

export function ProfileForms({ forced }: { forced: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const me = useQuery(trpc.profile.get.queryOptions());
  const [pwErrors, setPwErrors] = useState<FieldErrors>({});
  const [contactErrors, setContactErrors] = useState<FieldErrors>({});
  const change = useMutation(
    trpc.profile.changePassword.mutationOptions({
      onSuccess: () => void signOut({ callbackUrl: "/login?passwordChanged=1" }),
      onError: (e) => setPwErrors({ ...fieldErrorsOf(e), ...(e.data?.appCode === "PASSWORD_WRONG" ? { oldPassword: e.message } : {}) }),
    }),
  );
  const contact = useMutation(
    trpc.profile.updateContact.mutationOptions({
      onSuccess: () => {
        toast.success("联系方式已保存");
        setContactErrors({});
        void qc.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
      },
      onError: (e) => setContactErrors(fieldErrorsOf(e)),
    }),
  );

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>修改密码</CardTitle>
        </CardHeader>
        <CardContent>
          <form
            className="grid gap-4 sm:grid-cols-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              setPwErrors({});
              change.mutate({
                oldPassword: String(f.get("oldPassword") ?? ""),
                password: String(f.get("password") ?? ""),
                confirmPassword: String(f.get("confirmPassword") ?? ""),
              });
            }}
          >
            <Field name="oldPassword" label="原密码" type="password" autoComplete="current-password" error={pwErrors.oldPassword} className="sm:col-span-2" />
            <Field name="password" label="新密码" type="password" autoComplete="new-password" maxLength={20} error={pwErrors.password} hint="8–20 位，须含数字、大写字母和小写字母" />
            <Field name="confirmPassword" label="确认新密码" type="password" autoComplete="new-password" maxLength={20} error={pwErrors.confirmPassword} />
            {change.error && !Object.keys(pwErrors).length ? (
              <p className="text-sm text-destructive sm:col-span-2" role="alert">
                {change.error.message}
              </p>
            ) : null}
            <div className="sm:col-span-2">
              <Button type="submit" disabled={change.isPending}>
                {change.isPending ? "正在保存…" : "修改密码"}
              </Button>
              <p className="mt-2 text-xs text-muted-foreground">修改后所有已登录的设备都需要用新密码重新登录。</p>
            </div>
          </form>
        </CardContent>
      </Card>
      {forced ? null : (
        <Card>
          <CardHeader>
            <CardTitle>联系方式</CardTitle>
          </CardHeader>
          <CardContent>
            {!me.data ? (
              <Skeleton className="h-32 w-full" />
            ) : (
              <form
                key={me.data.id}
                className="grid gap-4 sm:grid-cols-2"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  const f = new FormData(e.currentTarget);
                  contact.mutate({
                    displayName: String(f.get("displayName") ?? ""),
                    phone: String(f.get("phone") ?? ""),
                    email: String(f.get("email") ?? ""),
                  });
                }}
              >
                <p className="text-sm text-muted-foreground sm:col-span-2">
                  用户名：{me.data.username} · {ROLE_LABEL[me.data.role]}
                  {me.data.orgName ? ` · ${me.data.orgName}` : ""}
                </p>
                <Field name="displayName" label="姓名" defaultValue={me.data.displayName} maxLength={30} error={contactErrors.displayName} />
                <Field name="phone" label="手机号码" defaultValue={me.data.phone ?? ""} maxLength={11} inputMode="numeric" error={contactErrors.phone} hint="找回密码时使用" />
                <Field name="email" label="电子邮箱" type="email" optional defaultValue={me.data.email ?? ""} maxLength={100} error={contactErrors.email} className="sm:col-span-2" />
                <div className="sm:col-span-2">
                  <Button type="submit" disabled={contact.isPending}>
                    保存联系方式
                  </Button>
                </div>
              </form>
            )}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
