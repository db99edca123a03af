import "server-only";
import { newLabelToken } from "@/server/services/public/label-token";
import { and, eq } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import { appointmentSlots, catalogueKinds, catalogueVersions, instruments, organisations } from "@/server/db/schema";
import { forecastWeeks } from "@/server/services/statistics/forecast";
import type { DemoContext } from "./demo";

export const FORECAST_DEMO_INSTITUTION = "韶关市浈江区计量检定所（示例）";

/**
 * Issue 12 item 7: one over-capacity week in 负荷预测 on the default demo data. A small county institute in
 * Shaoguan (浈江区 440204) offers one morning slot of 3 places a working day (at most 15 a week); 20 of a local
 * petrol station's instruments fall due on the Wednesday of the third week ahead (relative to the seeding day).
 */
export async function seedForecastDemo({ tx }: DemoContext) {
  const region = { provinceCode: "44", cityCode: "4402", countyCode: "440204", regionCode: "440204" };
  const [inst] = await tx
    .insert(organisations)
    .values({
      kind: "institution", institutionKind: "legal", name: FORECAST_DEMO_INSTITUTION, code: "ZJJL", level: "county", ...region, status: "approved",
      uscc: "124402044550000031", address: "韶关市浈江区示例路 3 号", authorisationCertNo: "（粤）法计（2024）02001号", authorisationValidUntil: "2029-12-31",
    })
    .returning({ id: organisations.id });
  const [ent] = await tx
    .insert(organisations)
    .values({ kind: "enterprise", name: "韶关示例加油站有限公司（示例）", ...region, status: "approved", uscc: "91440204MA5DEMO01X", address: "韶关市浈江区示例大道 8 号" })
    .returning({ id: organisations.id });
  await tx.insert(appointmentSlots).values({ institutionId: inst!.id, label: "上午", startTime: "08:30", endTime: "12:00", capacitySendIn: 2, capacityOnSite: 1 });
  const [kind] = await tx
    .select({ id: catalogueKinds.id })
    .from(catalogueKinds)
    .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId))
    .where(and(eq(catalogueVersions.isCurrent, true), eq(catalogueKinds.name, "燃油加油机")));
  if (!kind) return;
  const due = addDays(forecastWeeks(chinaToday())[2]!.from, 2);
  await tx.insert(instruments).values(
    Array.from({ length: 20 }, (_, i) => {
      const serial = `SG-${String(i + 1).padStart(4, "0")}`;
      return {
        enterpriseId: ent!.id, name: "燃油加油机", model: "CS46", serialNo: serial, manufacturer: "示例加油机厂", installLocation: `${(i % 5) + 1}号岛`, ...region,
        status: "in_use" as const, purpose: "trade" as const, method: "on_site" as const, kindId: kind.id, filingStatus: "filed" as const, institutionId: inst!.id,
        filingApprovedOn: addDays(due, -365), validUntil: due, labelToken: newLabelToken(), manufacturerNorm: "示例加油机厂", serialNorm: serial.toLowerCase(),
      };
    }),
  );
}
