import { describe, expect, it } from "vitest";
import { assertValidTemplate, DEFAULT_TEMPLATES, formatDocumentNumber, institutionNumberCode } from "./number";

describe("R-RES-2 certificate and fail-notice numbers", () => {
  it("R-RES-2 default: {institution code}{YYYY}{6-digit sequence}", () => {
    expect(formatDocumentNumber(DEFAULT_TEMPLATES.certificate, { code: "GZJL", day: "2026-12-01", seq: 42 })).toBe("GZJL2026000042");
  });
  it("R-RES-2 fail notices keep apart from certificates by default", () => {
    const c = formatDocumentNumber(DEFAULT_TEMPLATES.certificate, { code: "GZJL", day: "2026-12-01", seq: 1 });
    const f = formatDocumentNumber(DEFAULT_TEMPLATES.fail_notice, { code: "GZJL", day: "2026-12-01", seq: 1 });
    expect(f).toBe("GZJLT2026000001");
    expect(f).not.toBe(c);
  });
  it("R-RES-2 custom templates with month, day and width", () => {
    expect(formatDocumentNumber("{code}-{YYYY}{MM}-{seq4}", { code: "BYJL", day: "2026-03-09", seq: 7 })).toBe("BYJL-202603-0007");
    expect(() => formatDocumentNumber("{code}{YYYY}{seq3}", { code: "A", day: "2026-01-01", seq: 1000 })).toThrow();
  });
  it("R-RES-2 a template without year or sequence, or with odd characters, is refused", () => {
    for (const t of ["{code}{seq6}", "{code}{YYYY}", "{code}{YYYY}{seq6}{seq6}", "{code}/{YYYY}{seq6}", "证{YYYY}{seq6}", "{code}{YYYY}{seq9}"])
      expect(() => assertValidTemplate(t), t).toThrow();
    expect(() => assertValidTemplate("{code}{YYYY}{seq6}")).not.toThrow();
  });
  it("R-RES-2 institution code falls back to a stable id code", () => {
    expect(institutionNumberCode("gzjl", 3)).toBe("GZJL");
    expect(institutionNumberCode(null, 3)).toBe("JG3");
    expect(institutionNumberCode("广州", 3)).toBe("JG3");
  });
});
