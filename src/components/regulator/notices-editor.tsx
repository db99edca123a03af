"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { NOTICE_KIND_LABEL, NOTICE_STATE_LABEL, type NoticeKind } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";
import { NoticeBody } from "./notice-body";

const STATE_BADGE = { draft: "secondary", published: "success", withdrawn: "outline" } as const;
/** Small toolbar: wraps the selection in an allowed tag (the server sanitises whatever is typed). */
const TOOLS: [string, string, string][] = [
  ["段落", "<p>", "</p>"],
  ["加粗", "<strong>", "</strong>"],
  ["小标题", "<h3>", "</h3>"],
  ["列表项", "<ul><li>", "</li></ul>"],
  ["链接", '<a href="https://">', "</a>"],
];

type Editing = { id: number | null };
type Form = { kind: NoticeKind; title: string; bodyHtml: string };

/** 公示公告 (issue 12 item 4): the regulator's notices — write, edit, publish, withdraw, attach files. */
export function NoticesEditor() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pages = useKeysetPages();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { data, isPending, isFetching } = useQuery({ ...trpc.notice.list.queryOptions({ limit: 20, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.notice.pathKey() });
  const onError = (e: { message: string }) => toast.error(e.message);
  const publish = useMutation(trpc.notice.publish.mutationOptions({ onSuccess: () => (toast.success("已发布，公众可在门户查看"), refresh()), onError }));
  const withdraw = useMutation(trpc.notice.withdraw.mutationOptions({ onSuccess: () => (toast.success("已撤回"), refresh()), onError }));
  const items = data?.items ?? [];

  return (
    <div className="space-y-3">
      <Button onClick={() => setEditing({ id: null })}>新建公告</Button>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="还没有公告">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>标题</TableHead>
              <TableHead className="hidden sm:table-cell">类别</TableHead>
              <TableHead>状态</TableHead>
              <TableHead className="hidden md:table-cell">发布单位</TableHead>
              <TableHead className="hidden md:table-cell">发布时间</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((n) => (
              <TableRow key={n.id} data-testid="notice-row">
                <TableCell className="max-w-72 whitespace-normal font-medium">{n.title}</TableCell>
                <TableCell className="hidden sm:table-cell">{NOTICE_KIND_LABEL[n.kind]}</TableCell>
                <TableCell>
                  <Badge variant={STATE_BADGE[n.state]}>{NOTICE_STATE_LABEL[n.state]}</Badge>
                </TableCell>
                <TableCell className="hidden max-w-48 truncate md:table-cell">{n.regulatorName}</TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">{n.publishedAt ? formatDateTime(n.publishedAt) : "—"}</TableCell>
                <TableCell className="space-x-1 whitespace-nowrap text-right">
                  <Button size="sm" variant="ghost" onClick={() => setEditing({ id: n.id })}>
                    修改
                  </Button>
                  {n.state === "published" ? (
                    <Button size="sm" variant="outline" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ id: n.id })}>
                      撤回
                    </Button>
                  ) : (
                    <Button size="sm" disabled={publish.isPending} onClick={() => publish.mutate({ id: n.id })}>
                      发布
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      {editing ? <NoticeDialog key={editing.id ?? "new"} id={editing.id} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
    </div>
  );
}

function NoticeDialog({ id, onClose, onSaved }: { id: number | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [draft, setForm] = useState<Form | null>(id === null ? { kind: "notice", title: "", bodyHtml: "" } : null);
  const [savedId, setSavedId] = useState<number | null>(id);
  const [uploading, setUploading] = useState(false);
  const saved = useQuery(trpc.notice.byId.queryOptions({ id: savedId ?? 0 }, { enabled: savedId !== null }));
  // An existing notice's form starts from what is stored.
  const form: Form = draft ?? (saved.data ? { kind: saved.data.kind, title: saved.data.title, bodyHtml: saved.data.bodyHtml } : { kind: "notice", title: "", bodyHtml: "" });
  const edit = (f: (x: Form) => Form) => setForm(f(form));
  const onError = (e: { message: string }) => toast.error(e.message);
  const afterSave = async (id: number) => {
    setSavedId(id);
    onSaved();
    await qc.invalidateQueries({ queryKey: trpc.notice.byId.queryKey({ id }) });
    // The editor now shows the stored (sanitised) text.
    setForm(null);
    toast.success("已保存；正文中的脚本等不安全内容已自动去除");
  };
  const create = useMutation(trpc.notice.create.mutationOptions({ onSuccess: (r) => afterSave(r.id), onError }));
  const update = useMutation(trpc.notice.update.mutationOptions({ onSuccess: (r) => afterSave(r.id), onError }));
  const wrap = (open: string, close: string) => {
    const el = document.getElementById("notice-body") as HTMLTextAreaElement | null;
    const [s, e] = el ? [el.selectionStart, el.selectionEnd] : [form.bodyHtml.length, form.bodyHtml.length];
    edit((f) => ({ ...f, bodyHtml: f.bodyHtml.slice(0, s) + open + f.bodyHtml.slice(s, e) + close + f.bodyHtml.slice(e) }));
  };
  const upload = async (file: File) => {
    if (savedId === null) return;
    setUploading(true);
    const body = new FormData();
    body.set("file", file);
    const res = await fetch(`/api/regulator/notices/${savedId}/attachments`, { method: "POST", body });
    setUploading(false);
    const json = (await res.json()) as { message?: string };
    if (!res.ok) toast.error(json.message ?? "上传失败");
    else {
      toast.success("附件已上传");
      await qc.invalidateQueries({ queryKey: trpc.notice.byId.queryKey({ id: savedId }) });
    }
  };

  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl [&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>{savedId ? "修改公告" : "新建公告"}</DialogTitle>
          <DialogDescription>正文可使用段落、加粗、列表、表格和链接；脚本、事件属性和 javascript: 链接会被自动去除。</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const input = { kind: form.kind, title: form.title, bodyHtml: form.bodyHtml };
            if (savedId) update.mutate({ ...input, id: savedId });
            else create.mutate(input);
          }}
        >
          <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
            <div className="space-y-1">
              <Label htmlFor="notice-title">标题</Label>
              <Input id="notice-title" value={form.title} maxLength={100} onChange={(e) => edit((f) => ({ ...f, title: e.target.value }))} required />
            </div>
            <div className="space-y-1">
              <Label htmlFor="notice-kind">类别</Label>
              <Select value={form.kind} onValueChange={(v) => edit((f) => ({ ...f, kind: v as NoticeKind }))}>
                <SelectTrigger id="notice-kind" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {Object.entries(NOTICE_KIND_LABEL).map(([k, l]) => (
                    <SelectItem key={k} value={k}>
                      {l}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          </div>
          <div className="space-y-1">
            <Label htmlFor="notice-body">正文</Label>
            <div className="flex flex-wrap gap-1">
              {TOOLS.map(([label, open, close]) => (
                <Button key={label} type="button" size="sm" variant="outline" onClick={() => wrap(open, close)}>
                  {label}
                </Button>
              ))}
            </div>
            <Textarea id="notice-body" rows={8} value={form.bodyHtml} onChange={(e) => edit((f) => ({ ...f, bodyHtml: e.target.value }))} className="font-mono text-xs" required />
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              关闭
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending}>
              保存
            </Button>
          </DialogFooter>
        </form>
        {saved.data ? (
          <section className="space-y-2 border-t pt-3">
            <h3 className="text-sm font-medium">保存后的正文（公众看到的样子）</h3>
            <NoticeBody html={saved.data.bodyHtml} className="rounded-md border p-3 text-sm" />
            <h3 className="text-sm font-medium">附件</h3>
            <ul className="text-sm">
              {saved.data.attachments.map((a) => (
                <li key={a.id}>
                  <a className="underline" href={`/api/notices/attachments/${a.id}`}>
                    {a.name}
                  </a>{" "}
                  <span className="text-muted-foreground">（{Math.ceil(a.size / 1024)} KB）</span>
                </li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">PDF、JPG、PNG、ZIP、RAR，按文件内容识别类型，单个不超过 10 MB。</p>
            <Button asChild variant="outline" size="sm" disabled={uploading}>
              <label htmlFor="notice-file" className="cursor-pointer">
                {uploading ? "正在上传…" : "选择文件并上传附件"}
              </label>
            </Button>
            <input
              id="notice-file"
              type="file"
              className="sr-only"
              disabled={uploading}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = "";
                if (f) upload(f);
              }}
            />
          </section>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
