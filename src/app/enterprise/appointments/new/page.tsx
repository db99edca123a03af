import type { Metadata } from "next";
import { BookingWizard } from "@/components/booking/booking-wizard";

export const metadata: Metadata = { title: "新建预约" };

const idOf = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** 新建预约, 重新预约 (?rebook=) and editing a draft (?draft=). */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const draft = idOf(sp.draft);
  const rebook = draft ? undefined : idOf(sp.rebook);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{draft ? "编辑预约单" : rebook ? "重新预约" : "新建预约"}</h1>
        <p className="text-sm text-muted-foreground">平台按检定机构和检定方式（送检 / 现场检定）拆分预约单；每张预约单选择一个工作日和有名额的时段。</p>
      </div>
      <BookingWizard key={`${draft ?? ""}-${rebook ?? ""}`} draft={draft} rebook={rebook} />
    </div>
  );
}
