import "server-only";
import { addDays, chinaToday } from "@/lib/china-day";
import { DEFAULT_SLOTS } from "@/lib/schemas/appointments";
import { weekdayOf } from "@/server/domain/appointments/calendar";
import { appointmentSlots, institutionClosedDays } from "@/server/db/schema";
import { tableExists } from "./calendar";
import type { DemoContext } from "./demo";

const INSTITUTIONS = ["gzInstitute", "byInstitute", "authorisedInstitute"] as const;

/**
 * 预约设置 for the demo institutions (issue 10 item 1): the default morning and afternoon slots, the
 * county institute with a smaller on-site team, and one closed day each (the Wednesday two weeks on, so it
 * is always in the future and on a weekday).
 */
export async function seedAppointmentDemo({ tx, orgId }: DemoContext) {
  if (!(await tableExists(tx, "appointment_slots"))) return;
  for (const key of INSTITUTIONS) {
    const small = key === "byInstitute";
    await tx.insert(appointmentSlots).values(
      DEFAULT_SLOTS.map((s) => ({ ...s, institutionId: orgId[key]!, capacityOnSite: small ? 10 : s.capacityOnSite, capacitySendIn: small ? 30 : s.capacitySendIn })),
    );
  }
  const inTwoWeeks = addDays(chinaToday(), 14);
  const wednesday = addDays(inTwoWeeks, (3 - weekdayOf(inTwoWeeks) + 7) % 7);
  await tx.insert(institutionClosedDays).values(INSTITUTIONS.map((key) => ({ institutionId: orgId[key]!, day: wednesday, reason: "标准装置年度检修（示例）" })));
}
