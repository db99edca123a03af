import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentDetail } from "@/components/appointments/detail/appointment-detail";

export const metadata: Metadata = { title: "预约单详情" };

/** The enterprise's appointment page: state, the institution's decisions and reasons, the timeline. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return (
    <div className="space-y-3">
      <Link href="/enterprise/appointments" className="text-sm text-primary underline-offset-4 hover:underline print:hidden">
        ← 返回预约管理
      </Link>
      <AppointmentDetail id={id} base="/enterprise" />
    </div>
  );
}
