"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/format";
import { ORG_STATUS_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { RegistrationDetails } from "./registration-details";
import { RegistrationForm } from "./registration-form";

export function MyRegistration() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data, error, refetch } = useQuery(trpc.registration.mine.queryOptions());
  if (error) return <p className="text-sm text-destructive">{error.message}</p>;
  if (!data) return <Skeleton className="h-64 w-full" />;
  const kind = data.kind === "platform" ? null : data.kind;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            <h1>注册信息</h1>
            <Badge variant={data.status === "approved" ? "success" : data.status === "rejected" ? "destructive" : "warning"} data-testid="registration-status">
              {ORG_STATUS_LABEL[data.status]}
            </Badge>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <p className="text-sm text-muted-foreground">提交时间：{formatDateTime(data.submittedAt)}</p>
          {data.status === "rejected" ? (
            <p className="rounded-md bg-destructive/10 px-3 py-2 text-sm" data-testid="reject-reason">
              退回原因：{data.rejectReason}
            </p>
          ) : data.status === "pending" ? (
            <p className="text-sm">正在审核，审核结果将以短信通知。</p>
          ) : null}
          {data.status !== "rejected" ? <RegistrationDetails data={data} /> : null}
        </CardContent>
      </Card>
      {data.status === "rejected" && kind ? (
        <Card>
          <CardHeader>
            <CardTitle>修改注册信息</CardTitle>
          </CardHeader>
          <CardContent>
            <RegistrationForm
              kind={kind}
              mode="resubmit"
              defaults={{
                name: data.name,
                uscc: data.uscc,
                level: data.level,
                institutionKind: data.institutionKind,
                regionCode: data.regionCode,
                address: data.address,
                enterpriseType: data.enterpriseType,
                legalRepresentative: data.legalRepresentative,
                legalRepresentativeIdNo: data.legalRepresentativeIdNo,
                authorisationCertNo: data.authorisationCertNo,
                authorisationValidUntil: data.authorisationValidUntil,
              }}
              onDone={() => {
                void refetch();
                router.refresh();
              }}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
