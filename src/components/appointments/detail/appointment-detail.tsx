"use client";

import { FileDown, Printer } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { AppointmentHeader } from "./appointment-header";
import { AppointmentItems } from "./appointment-items";
import { AppointmentNotice } from "./appointment-notice";
import { AppointmentTimeline } from "./appointment-timeline";
import { useAppointment } from "./use-appointment";

/**
 * 预约单详情 for both sides (issue 10 items 3–5). Composed of small sections; a page adds its own between the
 * instruments and the timeline as `children` (actions of 预约确认, 接收登记, 检定结果, 证书 …), and buttons
 * beside the title as `actions`.
 */
export function AppointmentDetail({ id, base, actions, children }: { id: number; base: "/enterprise" | "/institution"; actions?: React.ReactNode; children?: React.ReactNode }) {
  const { data: a, isPending, error } = useAppointment(id);
  if (isPending) return <Skeleton className="h-96 w-full" />;
  if (error || !a) return <p className="text-destructive">{error?.message ?? "记录不存在或无权查看"}</p>;
  const sheet = a.number ? (
    <>
      <Button asChild size="sm" variant="outline">
        <Link href={`${base}/appointments/${a.id}/sheet`}>
          <Printer aria-hidden /> 打印预约单
        </Link>
      </Button>
      <Button asChild size="sm" variant="outline">
        <a href={`/api/appointments/${a.id}/sheet`} download>
          <FileDown aria-hidden /> 下载 PDF
        </a>
      </Button>
    </>
  ) : null;
  return (
    <div className="space-y-6">
      <AppointmentHeader
        a={a}
        actions={
          <>
            {actions}
            {sheet}
          </>
        }
      />
      <AppointmentNotice a={a} />
      <AppointmentItems a={a} />
      {children}
      <AppointmentTimeline timeline={a.timeline} />
    </div>
  );
}
