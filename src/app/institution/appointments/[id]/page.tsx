import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentDetail } from "@/components/appointments/detail/appointment-detail";
import { DeskActions } from "@/components/appointments/desk/desk-actions";

export const metadata: Metadata = { title: "预约单详情" };

/** The institution's appointment page: 预约确认 actions beside the title; other steps add their sections. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return (
    <div className="space-y-3">
      <Link href="/institution/appointments" className="text-sm text-primary underline-offset-4 hover:underline print:hidden">
        ← 返回预约确认
      </Link>
      <AppointmentDetail id={id} base="/institution" actions={<DeskActions id={id} />} />
    </div>
  );
}
