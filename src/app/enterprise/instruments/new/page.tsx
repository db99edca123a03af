import type { Metadata } from "next";
import { InstrumentForm } from "@/components/ledger/instrument-form";

export const metadata: Metadata = { title: "新增器具" };

export default async function Page({ searchParams }: { searchParams: Promise<{ copy?: string }> }) {
  const copy = Number((await searchParams).copy);
  const copyFrom = Number.isSafeInteger(copy) && copy > 0 ? copy : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{copyFrom ? "复制新增器具" : "新增器具"}</h1>
      {copyFrom ? <p className="text-sm text-muted-foreground">已带入原器具的信息，请填写新器具的出厂编号。</p> : null}
      <InstrumentForm mode={copyFrom ? "copy" : "create"} id={copyFrom} />
    </div>
  );
}
