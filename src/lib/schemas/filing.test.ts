import { describe, expect, it } from "vitest";
import { instrumentCorrection } from "./filing";
import { instrumentFields } from "./ledger";

const good = { name: "燃油加油机", model: "CS46", measuringRange: "", accuracyClass: "", installLocation: "1号岛", typeCertNo: "", remark: "" };

describe("issue 8 step 4: a resubmission's correction follows the ledger's own field rules", () => {
  it("R-FIL-6 refuses what the ledger edit form refuses (name over 50, remark over 200 characters)", () => {
    for (const [field, max] of [["name", 50], ["model", 50], ["remark", 200], ["installLocation", 100], ["measuringRange", 50], ["accuracyClass", 30], ["typeCertNo", 50]] as const) {
      const long = { ...good, [field]: "字".repeat(max + 1) };
      expect(instrumentFields.partial().safeParse({ [field]: long[field] }).success, `ledger ${field}`).toBe(false);
      expect(instrumentCorrection.safeParse(long).success, `correction ${field}`).toBe(false);
      expect(instrumentCorrection.safeParse({ ...good, [field]: "字".repeat(max) }).success, `correction ${field} at ${max}`).toBe(true);
    }
  });

  it("keeps the ledger's messages and leaves the other ledger fields out", () => {
    const r = instrumentCorrection.safeParse({ ...good, name: "字".repeat(51) });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["器具名称不超过 50 个字"]);
    expect(Object.keys(instrumentCorrection.shape).sort()).toEqual(["accuracyClass", "installLocation", "measuringRange", "model", "name", "remark", "typeCertNo"]);
  });
});
