"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/trpc/react";

/**
 * Phone number + "获取验证码" + code input. `request` sends the code (registration or password recovery);
 * the button waits 60 seconds between requests, like the server's per-phone limit.
 */
export function PhoneWithCode({
  phone,
  onPhone,
  request,
  errors,
  codeName = "smsCode",
}: {
  phone: string;
  onPhone: (v: string) => void;
  request: () => Promise<unknown>;
  errors: Record<string, string | undefined>;
  codeName?: string;
}) {
  const [wait, setWait] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);
  const send = async () => {
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) {
      setMessage({ ok: false, text: "请先输入正确的 11 位手机号码" });
      return;
    }
    setBusy(true);
    try {
      await request();
      setMessage({ ok: true, text: "验证码已发送，5 分钟内有效" });
      setWait(60);
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="space-y-1">
        <Label htmlFor="f-phone">手机号码</Label>
        <Input
          id="f-phone"
          name="phone"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          value={phone}
          onChange={(e) => onPhone(e.target.value)}
          aria-invalid={errors.phone ? true : undefined}
        />
        {errors.phone ? <p className="text-sm text-destructive" data-testid="error-phone">{errors.phone}</p> : null}
      </div>
      <div className="space-y-1">
        <Label htmlFor={`f-${codeName}`}>短信验证码</Label>
        <div className="flex gap-2">
          <Input
            id={`f-${codeName}`}
            name={codeName}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            aria-invalid={errors[codeName] ? true : undefined}
          />
          <Button type="button" variant="outline" className="shrink-0" onClick={send} disabled={busy || wait > 0}>
            {wait > 0 ? `${wait} 秒后重发` : "获取验证码"}
          </Button>
        </div>
        {errors[codeName] ? (
          <p className="text-sm text-destructive" data-testid={`error-${codeName}`}>
            {errors[codeName]}
          </p>
        ) : message ? (
          <p className={message.ok ? "text-xs text-muted-foreground" : "text-sm text-destructive"} data-testid="sms-status">
            {message.text}
          </p>
        ) : null}
      </div>
    </>
  );
}

export function useRegisterCode() {
  const trpc = useTRPC();
  return useMutation(trpc.account.requestRegisterCode.mutationOptions());
}
