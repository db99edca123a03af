import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABEL, auditActionLabel, auditChanges, auditRefs, auditValue } from "./audit-words";

const root = path.resolve(import.meta.dirname, "../..");
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === "node_modules" ? [] : sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/**
 * Template actions (`instrument.${action}`) expand to the values their variable can take; the test fails on
 * a template it does not know, so a new one has to be listed (and labelled) here.
 */
const TEMPLATE_EXPANSIONS: Record<string, string[]> = {
  "instrument.${action}": ["instrument.stop", "instrument.enable", "instrument.scrap"],
  "filing.${action}": ["filing.approve", "filing.confirm"],
  "membership.${decision}": ["membership.approve", "membership.reject", "membership.remove"],
  "notice.${action}": ["notice.publish", "notice.withdraw"],
};

/** Every action written by a writeAudit call in src/ and scripts/. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of [...sources(path.join(root, "src")), ...sources(path.join(root, "scripts"))]) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("writeAudit(")) continue;
    for (const m of text.matchAll(/\baction:\s*((?:`[^`]*`|[^,\n}`])+)/g)) {
      const expr = m[1]!;
      for (const lit of expr.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(lit[1]!);
      for (const tpl of expr.matchAll(/`([a-z_]+\.\$\{\w+\})`/g)) {
        const expansion = TEMPLATE_EXPANSIONS[tpl[1]!];
        if (!expansion) throw new Error(`unknown audit action template ${tpl[1]} in ${file}`);
        expansion.forEach((a) => found.add(a));
      }
    }
  }
  return [...found].sort();
}

describe("issue 9 #16 audit log words", () => {
  it("every action written anywhere has a Chinese name", () => {
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(30);
    expect(actions).toContain("filing.approve");
    expect(actions).toContain("user.lock");
    expect(actions.filter((a) => !AUDIT_ACTION_LABEL[a])).toEqual([]);
    expect(auditActionLabel("filing.approve")).toBe("备案审核通过");
    expect(auditActionLabel("user.lock")).toMatch(/锁定/);
    expect(auditActionLabel("something.new")).not.toMatch(/[a-z]/);
  });

  it("times read in Beijing time, codes as words, ids as names", () => {
    expect(auditValue("lockedUntil", "2026-05-01T16:30:00.000Z")).toBe("2026-05-02 00:30:00");
    expect(auditValue("state", "filed")).toBe("已备案");
    expect(auditValue("status", "in_use")).toBe("在用");
    expect(auditValue("institutionId", 7, { "org:7": "广州市计量院" })).toBe("广州市计量院");
    expect(auditValue("countyCode", "440111", { "region:440111": "白云区" })).toBe("白云区");
    expect(auditValue("enabled", false)).toBe("否");
  });

  it("before/after become the changed fields with Chinese labels, bookkeeping left out", () => {
    const changes = auditChanges(
      { id: 5, model: "CS46", name: "加油机", status: "in_use", updatedAt: "2026-01-01T00:00:00Z" },
      { id: 5, model: "CS46-补充资料", name: "加油机", status: "in_use", updatedAt: "2026-02-01T00:00:00Z" },
    );
    expect(changes).toEqual([{ field: "model", label: "型号规格", from: "CS46", to: "CS46-补充资料" }]);
    const approve = auditChanges({ state: "pending" }, { state: "filed", institutionId: 3, instrumentCode: "440111202605010001", approvedOn: "2026-05-01" }, { "org:3": "白云区计量所" });
    expect(approve.map((c) => `${c.label}：${c.from}${c.from ? " → " : ""}${c.to}`)).toEqual([
      "备案状态：待审核 → 已备案",
      "检定机构：白云区计量所",
      "器具编码：440111202605010001",
      "审核日期：2026-05-01",
    ]);
    for (const c of approve) expect(`${c.label}${c.from}${c.to}`).not.toMatch(/[a-z]{3,}|\{/);
    expect(auditRefs([{ institutionId: 3, correction: { model: "x" } }, { regionCodes: ["4401", "4402"] }])).toEqual([
      { kind: "org", value: "3" },
      { kind: "region", value: "4401" },
      { kind: "region", value: "4402" },
    ]);
  });
});
