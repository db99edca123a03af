import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InstrumentForm } from "@/components/ledger/instrument-form";

export const metadata: Metadata = { title: "修改器具" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">修改器具</h1>
      <InstrumentForm mode="edit" id={id} />
    </div>
  );
}
