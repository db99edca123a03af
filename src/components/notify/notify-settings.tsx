"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { NOTIFY_EVENT_LABEL, type NotifyEvent } from "@/lib/vocab/notify-event";
import { useTRPC } from "@/trpc/react";

type Pref = { event: NotifyEvent; email: boolean; sms: boolean };
const onError = (e: { message: string }) => toast.error(e.message);

/** Issue 13 #5: the caller's channels per event (in-app always on). */
export function PreferencesForm() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.notification.preferences.queryOptions());
  if (!data) return <Skeleton className="h-40 w-full" />;
  return <PreferencesTable initial={data.map(({ event, email, sms }) => ({ event, email, sms }))} />;
}

function PreferencesTable({ initial }: { initial: Pref[] }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [prefs, setPrefs] = useState<Pref[]>(initial);
  const data = initial;
  const save = useMutation(
    trpc.notification.savePreferences.mutationOptions({
      onSuccess: () => {
        toast.success("通知设置已保存");
        void qc.invalidateQueries({ queryKey: trpc.notification.preferences.queryKey() });
      },
      onError,
    }),
  );
  const set = (event: NotifyEvent, key: "email" | "sms", v: boolean) => setPrefs((ps) => ps.map((p) => (p.event === event ? { ...p, [key]: v } : p)));
  return (
    <Card>
      <CardHeader>
        <CardTitle>接收方式</CardTitle>
        <p className="text-sm text-muted-foreground">站内消息始终接收；邮件和短信发送到“账户设置”中填写的邮箱和手机号码。</p>
      </CardHeader>
      <CardContent className="space-y-3">
        {!data ? (
          <Skeleton className="h-40 w-full" />
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b text-left">
                <th className="py-2 font-medium">通知事项</th>
                <th className="w-14 py-2 text-center font-medium">站内</th>
                <th className="w-14 py-2 text-center font-medium">邮件</th>
                <th className="w-14 py-2 text-center font-medium">短信</th>
              </tr>
            </thead>
            <tbody>
              {prefs.map((p) => (
                <tr key={p.event} className="border-b last:border-0">
                  <td className="py-2">{NOTIFY_EVENT_LABEL[p.event]}</td>
                  <td className="py-2 text-center text-muted-foreground">始终</td>
                  <td className="py-2 text-center">
                    <Checkbox aria-label={`${NOTIFY_EVENT_LABEL[p.event]}：邮件`} checked={p.email} onCheckedChange={(v) => set(p.event, "email", v === true)} />
                  </td>
                  <td className="py-2 text-center">
                    <Checkbox aria-label={`${NOTIFY_EVENT_LABEL[p.event]}：短信`} checked={p.sms} onCheckedChange={(v) => set(p.event, "sms", v === true)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Button disabled={!data || save.isPending} onClick={() => save.mutate({ items: prefs })}>
          保存接收方式
        </Button>
      </CardContent>
    </Card>
  );
}

function randomSecret() {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Issue 13 #2 and #5: the organisation's contacts and webhook — shown to its owner only. */
export function OrgNotifySettings() {
  const trpc = useTRPC();
  const { data, error } = useQuery({ ...trpc.notification.orgSettings.queryOptions(), retry: false });
  if (error || !data) return null;
  return <OrgSettingsForms data={data} />;
}

type OrgSettings = { contactEmail: string | null; contactPhone: string | null; webhook: { url: string; enabled: boolean } | null };

function OrgSettingsForms({ data }: { data: OrgSettings }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [email, setEmail] = useState(data.contactEmail ?? "");
  const [phone, setPhone] = useState(data.contactPhone ?? "");
  const [url, setUrl] = useState(data.webhook?.url ?? "");
  const [secret, setSecret] = useState("");
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.notification.orgSettings.queryKey() });
  const contacts = useMutation(trpc.notification.saveContacts.mutationOptions({ onSuccess: () => (toast.success("通知联系人已保存"), refresh()), onError }));
  const hook = useMutation(
    trpc.notification.saveWebhook.mutationOptions({
      onSuccess: () => {
        toast.success("Webhook 已保存；签名密钥不再显示，请妥善保存");
        setSecret("");
        refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(trpc.notification.removeWebhook.mutationOptions({ onSuccess: () => (toast.success("Webhook 已删除"), setUrl(""), refresh()), onError }));
  const test = useMutation(trpc.notification.testWebhook.mutationOptions({ onSuccess: () => toast.success("测试消息已排队，稍后发出"), onError }));
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>单位通知联系人</CardTitle>
          <p className="text-sm text-muted-foreground">本单位的通知同时发送到以下邮箱和手机号码（短信仅限重要事项）。</p>
        </CardHeader>
        <CardContent>
          <form
            className="grid gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              contacts.mutate({ contactEmail: email.trim(), contactPhone: phone.trim() });
            }}
          >
            <div className="space-y-1">
              <Label htmlFor="org-contact-email">联系邮箱</Label>
              <Input id="org-contact-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={100} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="org-contact-phone">联系手机</Label>
              <Input id="org-contact-phone" inputMode="numeric" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={11} />
            </div>
            <div>
              <Button type="submit" disabled={contacts.isPending}>
                保存联系人
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Webhook</CardTitle>
          <p className="text-sm text-muted-foreground">
            本单位的每条通知以 JSON 推送到此地址，请求头 X-QJT-Signature 为以签名密钥对“时间戳.正文”计算的 HMAC-SHA256，X-QJT-Timestamp 为时间戳；发送失败会自动重试。
          </p>
        </CardHeader>
        <CardContent>
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              hook.mutate({ url: url.trim(), secret: secret.trim(), enabled: true });
            }}
          >
            <div className="space-y-1">
              <Label htmlFor="webhook-url">推送地址</Label>
              <Input id="webhook-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" maxLength={500} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="webhook-secret">签名密钥{data.webhook ? "（重新保存时须重新填写）" : ""}</Label>
              <div className="flex gap-2">
                <Input id="webhook-secret" value={secret} onChange={(e) => setSecret(e.target.value)} maxLength={200} autoComplete="off" />
                <Button type="button" variant="outline" onClick={() => setSecret(randomSecret())}>
                  生成
                </Button>
              </div>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={hook.isPending}>
                保存 Webhook
              </Button>
              {data.webhook ? (
                <>
                  <Button type="button" variant="outline" disabled={test.isPending} onClick={() => test.mutate()}>
                    发送测试
                  </Button>
                  <Button type="button" variant="outline" disabled={remove.isPending} onClick={() => remove.mutate()}>
                    删除
                  </Button>
                </>
              ) : null}
            </div>
          </form>
        </CardContent>
      </Card>
    </>
  );
}
