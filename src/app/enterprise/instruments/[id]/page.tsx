import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InstrumentDetail } from "@/components/ledger/instrument-detail";

export const metadata: Metadata = { title: "器具详情" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <InstrumentDetail id={id} />;
}
