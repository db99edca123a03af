import "server-only";
import { inArray } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import { weekdayOf } from "@/server/domain/appointments/calendar";
import { instruments } from "@/server/db/schema";
import { seedAppointmentChain } from "./appointment-chain";
import { tableExists } from "./calendar";
import type { DemoContext } from "./demo";

/** The first Monday–Friday on or after `day` (demo dates only; booking itself checks the holiday calendar). */
const weekdayFrom = (day: string) => {
  let d = day;
  while (weekdayOf(d) === 0 || weekdayOf(d) === 6) d = addDays(d, 1);
  return d;
};
const weekdayBefore = (day: string) => {
  let d = day;
  while (weekdayOf(d) === 0 || weekdayOf(d) === 6) d = addDays(d, -1);
  return d;
};

/**
 * Appointments in every state for the demo accounts (issue 10), on the "YY-" instruments of the filing demo:
 * the petrol station with the Baiyun county institute (现场检定), the hospital with the city institute (送检).
 */
export async function seedAppointmentFlowDemo({ tx, orgId, userId }: DemoContext) {
  if (!(await tableExists(tx, "appointments"))) return;
  const rows = await tx.select({ id: instruments.id, serialNo: instruments.serialNo }).from(instruments).where(inArray(instruments.serialNo, SERIALS));
  const id = (serial: string) => {
    const r = rows.find((x) => x.serialNo === serial);
    if (!r) throw new Error(`appointment demo: instrument ${serial} missing`);
    return r.id;
  };
  const today = chinaToday();
  const soon = weekdayFrom(addDays(today, 4));
  const later = weekdayFrom(addDays(today, 8));
  const past = weekdayBefore(addDays(today, -2));
  const longAgo = weekdayBefore(addDays(today, -20));
  const station = { enterpriseId: orgId.stationEnterprise!, institutionId: orgId.byInstitute!, method: "on_site" as const, enterpriseUserId: userId.jyzqy, institutionUserId: userId.byjls };
  const hospital = { enterpriseId: orgId.hospitalEnterprise!, institutionId: orgId.gzInstitute!, method: "send_in" as const, enterpriseUserId: userId.yyqy, institutionUserId: userId.gzjly };

  await seedAppointmentChain(tx, { ...station, instrumentIds: [id("YY-0001")], state: "submitted", day: soon });
  await seedAppointmentChain(tx, { ...station, instrumentIds: [id("YY-0002")], state: "rejected", day: soon, rejectReason: "该日现场检定车辆检修，请改约下周" });
  await seedAppointmentChain(tx, { ...station, instrumentIds: [id("YY-0003")], state: "draft", day: later });
  await seedAppointmentChain(tx, { ...station, instrumentIds: [id("YY-0004"), id("YY-0005")], state: "confirmed", day: soon });
  await seedAppointmentChain(tx, { ...station, instrumentIds: [id("YY-0006")], state: "completed", day: longAgo });
  await seedAppointmentChain(tx, { ...hospital, instrumentIds: [id("YY-0101"), id("YY-0102")], state: "confirmed", day: soon });
  await seedAppointmentChain(tx, { ...hospital, instrumentIds: [id("YY-0103"), id("YY-0104")], state: "received", day: past });
  await seedAppointmentChain(tx, {
    ...hospital,
    instrumentIds: [id("YY-0105"), id("YY-0106"), id("YY-0107")],
    state: "completed",
    day: longAgo,
    outcomes: [{ verdict: "pass" }, { verdict: "fail" }, { verdict: "pass", feeCents: 8000, feeNote: "更换感温液柱维修费" }],
  });
}

const SERIALS = ["YY-0001", "YY-0002", "YY-0003", "YY-0004", "YY-0005", "YY-0006", "YY-0101", "YY-0102", "YY-0103", "YY-0104", "YY-0105", "YY-0106", "YY-0107"];
