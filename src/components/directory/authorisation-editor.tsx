"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";

/**
 * 授权信息 (issue 11 #5): the authorisation certificate number and its validity shown in the public directory.
 * The institution's owner keeps its own; an administrator passes `orgId`.
 */
export function AuthorisationEditor({ orgId }: { orgId?: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.directory.authorisation.queryOptions({ orgId }));
  if (!q.data) return <p className="text-sm text-muted-foreground">{q.isError ? q.error.message : "正在读取授权信息…"}</p>;
  return <AuthorisationForm key={q.data.id} orgId={orgId} initial={q.data} />;
}

function AuthorisationForm({ orgId, initial }: { orgId?: number; initial: { authorisationCertNo: string | null; authorisationValidUntil: string | null } }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [no, setNo] = useState(initial.authorisationCertNo ?? "");
  const [until, setUntil] = useState(initial.authorisationValidUntil ?? "");
  const save = useMutation(
    trpc.directory.updateAuthorisation.mutationOptions({
      onSuccess: () => {
        toast.success("授权信息已保存，机构名录随后更新");
        void qc.invalidateQueries({ queryKey: trpc.directory.authorisation.queryKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <form
      className="flex max-w-2xl flex-wrap items-end gap-3 rounded-md border p-4"
      aria-label="授权信息"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ orgId, authorisationCertNo: no, authorisationValidUntil: until });
      }}
    >
      <div className="grid min-w-56 flex-1 gap-1">
        <Label htmlFor="auth-no">授权证书编号</Label>
        <Input id="auth-no" value={no} maxLength={60} onChange={(e) => setNo(e.target.value)} required />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="auth-until">有效期至</Label>
        <Input id="auth-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />
      </div>
      <Button type="submit" disabled={save.isPending}>
        保存授权信息
      </Button>
    </form>
  );
}
