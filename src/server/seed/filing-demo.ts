import "server-only";
import { eq } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import { newLabelToken } from "@/server/services/public/label-token";
import { instrumentCode } from "@/server/domain/filing/transitions";
import { normaliseForDuplicates } from "@/server/domain/ledger/normalise";
import { catalogueKinds, catalogueVersions, filings, institutionCapabilities, instruments, type FilingHistoryEntry } from "@/server/db/schema";
import { nextNumber } from "@/server/services/numbering/next-number";
import type { DemoContext } from "./demo";

type Method = "send_in" | "on_site";
type DemoInstrument = {
  serial: string;
  org: "stationEnterprise" | "hospitalEnterprise";
  kind: string;
  method: Method;
  name: string;
  model: string;
  purpose: "trade" | "safety" | "medical" | "environment";
  /** filed: approved `approvedAgo` days ago by `by`, validUntil offset from today; others: open or returned. */
  filing?:
    | { state: "filed"; by: string; approvedAgo: number; validIn?: number; failedAgo?: number }
    | { state: "pending"; to: string }
    | { state: "assigned"; to: string; county: string }
    | { state: "returned"; to: string; reason: "incomplete" | "not_in_catalogue" | "other"; text?: string };
};

/** 检定能力 of the demo institutions: the county institution lacks water, gas and transformer kinds. */
const CAPABILITIES: { org: string; kind: string; method: Method; regions?: string[]; range?: string; capacity?: number }[] = [
  { org: "gzInstitute", kind: "燃油加油机", method: "on_site", range: "流量 (5~60) L/min", capacity: 20 },
  { org: "gzInstitute", kind: "燃油加油机", method: "send_in", capacity: 10 },
  { org: "gzInstitute", kind: "水表(DN15~DN50)", method: "send_in", range: "DN15~DN50", capacity: 200 },
  { org: "gzInstitute", kind: "燃气表(G1.6~G16)", method: "send_in", range: "G1.6~G16", capacity: 100 },
  { org: "gzInstitute", kind: "玻璃体温计", method: "send_in", range: "(35~42) ℃", capacity: 500 },
  { org: "gzInstitute", kind: "电力测量用互感器", method: "on_site", range: "500kV(含)以下", capacity: 5 },
  { org: "byInstitute", kind: "燃油加油机", method: "on_site", range: "流量 (5~60) L/min", capacity: 10 },
  { org: "byInstitute", kind: "玻璃体温计", method: "send_in", capacity: 100 },
  { org: "authorisedInstitute", kind: "水表(DN15~DN50)", method: "send_in", regions: ["4401"], range: "DN15~DN25", capacity: 300 },
];

const S = "stationEnterprise" as const;
const H = "hospitalEnterprise" as const;
const pump = (serial: string, filing?: DemoInstrument["filing"]): DemoInstrument => ({
  serial, org: S, kind: "燃油加油机", method: "on_site", name: "燃油加油机", model: "CS46-2222", purpose: "trade", filing,
});
const thermo = (serial: string, filing?: DemoInstrument["filing"]): DemoInstrument => ({
  serial, org: H, kind: "玻璃体温计", method: "send_in", name: "玻璃体温计", model: "三角型 (35~42)℃", purpose: "medical", filing,
});

/** Serial prefix "BA-" (the ledger's demo uses "TZ-"). Every bucket of 辖区仪器 gets at least one instrument. */
const INSTRUMENTS: DemoInstrument[] = [
  pump("BA-0001", { state: "filed", by: "byInstitute", approvedAgo: 5 }), // 须检 (no validity, ≤ 10 days)
  pump("BA-0002", { state: "filed", by: "byInstitute", approvedAgo: 20 }), // 超期未检
  pump("BA-0003", { state: "filed", by: "gzInstitute", approvedAgo: 45 }), // 无效 + 超期
  pump("BA-0004", { state: "filed", by: "byInstitute", approvedAgo: 400, validIn: 20 }), // 须检 (validity ≤ 30 days)
  pump("BA-0005", { state: "filed", by: "byInstitute", approvedAgo: 300, validIn: 150 }), // 有效
  pump("BA-0006", { state: "filed", by: "byInstitute", approvedAgo: 500, validIn: -10 }), // 超期未检
  pump("BA-0007", { state: "filed", by: "gzInstitute", approvedAgo: 600, validIn: -60, failedAgo: 70 }), // 无效 + 不合格
  pump("BA-0008"),
  pump("BA-0009"),
  pump("BA-0010"),
  { serial: "BA-0011", org: S, kind: "水表(DN15~DN50)", method: "send_in", name: "冷水水表", model: "LXS-20E", purpose: "trade" },
  { serial: "BA-0012", org: S, kind: "水表(DN15~DN50)", method: "send_in", name: "冷水水表", model: "LXS-25E", purpose: "trade", filing: { state: "pending", to: "gzInstitute" } },
  { serial: "BA-0013", org: S, kind: "燃气表(G1.6~G16)", method: "send_in", name: "膜式燃气表", model: "G2.5", purpose: "trade", filing: { state: "returned", to: "gzInstitute", reason: "incomplete", text: "型号规格与铭牌不符，请核对后重新提交" } },
  pump("BA-0014", { state: "assigned", to: "gzInstitute", county: "byInstitute" }),
  pump("BA-0015", { state: "pending", to: "gzInstitute" }),
  thermo("BA-0101", { state: "filed", by: "gzInstitute", approvedAgo: 200, validIn: 100 }), // 有效
  thermo("BA-0102", { state: "pending", to: "gzInstitute" }),
  thermo("BA-0103"),
  { serial: "BA-0104", org: H, kind: "电力测量用互感器", method: "on_site", name: "电流互感器", model: "LZZBJ9-10", purpose: "trade" }, // P+V, no report yet
  { serial: "BA-0105", org: H, kind: "手持式激光测距仪", method: "send_in", name: "手持式激光测距仪", model: "LD-60", purpose: "safety" }, // P only
  { serial: "BA-0106", org: H, kind: "水表(DN15~DN50)", method: "send_in", name: "冷水水表", model: "LXS-15E", purpose: "trade", filing: { state: "filed", by: "authorisedInstitute", approvedAgo: 350, validIn: 10 } },
  { serial: "BA-0107", org: H, kind: "水表(DN15~DN50)", method: "send_in", name: "热水水表", model: "LXR-20E", purpose: "trade", filing: { state: "returned", to: "gzInstitute", reason: "not_in_catalogue", text: "该表用于内部考核，不属于强检目录" } },
  // "YY-": filed instruments that the appointment demo (appointment-flow-demo.ts) puts into appointments in every state.
  pump("YY-0001", { state: "filed", by: "byInstitute", approvedAgo: 12 }), // 已提交
  pump("YY-0002", { state: "filed", by: "byInstitute", approvedAgo: 12 }), // 被拒绝
  pump("YY-0003", { state: "filed", by: "byInstitute", approvedAgo: 12 }), // 待提交
  pump("YY-0004", { state: "filed", by: "byInstitute", approvedAgo: 12 }), // 已确认 (现场)
  pump("YY-0005", { state: "filed", by: "byInstitute", approvedAgo: 12 }), // 已确认 (现场)
  pump("YY-0006", { state: "filed", by: "byInstitute", approvedAgo: 40 }), // 已完检 → 检定证书
  thermo("YY-0101", { state: "filed", by: "gzInstitute", approvedAgo: 15 }), // 已确认 (送检)
  thermo("YY-0102", { state: "filed", by: "gzInstitute", approvedAgo: 15 }), // 已确认 (送检)
  thermo("YY-0103", { state: "filed", by: "gzInstitute", approvedAgo: 15 }), // 已接收
  thermo("YY-0104", { state: "filed", by: "gzInstitute", approvedAgo: 15 }), // 已接收
  thermo("YY-0105", { state: "filed", by: "gzInstitute", approvedAgo: 30 }), // 已完检 → 检定证书
  thermo("YY-0106", { state: "filed", by: "gzInstitute", approvedAgo: 30 }), // 已完检 → 检定结果通知书
  thermo("YY-0107", { state: "filed", by: "gzInstitute", approvedAgo: 30 }), // 已完检 → 检定证书, 维修费未付
];

const LOCATION = {
  stationEnterprise: { provinceCode: "44", cityCode: "4401", countyCode: "440111", installLocation: "白云区示例路 88 号 加油区" },
  hospitalEnterprise: { provinceCode: "44", cityCode: "4401", countyCode: "440106", installLocation: "天河区示例路 99 号 门诊楼" },
};

/** Demo capabilities, instruments in every bucket, and filings in every state (issue 5). */
export async function seedFilingDemo({ tx, orgId, userId }: DemoContext) {
  const [version] = await tx.select({ id: catalogueVersions.id }).from(catalogueVersions).where(eq(catalogueVersions.isCurrent, true));
  if (!version) return;
  const kinds = await tx.select({ id: catalogueKinds.id, name: catalogueKinds.name }).from(catalogueKinds).where(eq(catalogueKinds.versionId, version.id));
  const kindId = (name: string) => {
    const k = kinds.find((x) => x.name === name);
    if (!k) throw new Error(`demo seed: catalogue kind ${name} missing`);
    return k.id;
  };
  await tx.insert(institutionCapabilities).values(
    CAPABILITIES.map((c) => ({
      institutionId: orgId[c.org]!,
      kindId: kindId(c.kind),
      method: c.method,
      regionCodes: c.regions ?? [],
      rangeNote: c.range ?? null,
      dailyCapacity: c.capacity ?? null,
    })),
  );

  const today = chinaToday();
  // Codes come from the numbering service, after any an earlier demo seed handed out (R-FIL-4).
  const codes: (string | null)[] = [];
  for (const d of INSTRUMENTS) {
    const f = d.filing;
    const day = f?.state === "filed" ? addDays(today, -f.approvedAgo) : null;
    const county = LOCATION[d.org].countyCode;
    codes.push(day ? instrumentCode(county, day, await nextNumber(tx, "instrument_code", county, day)) : null);
  }
  const values = INSTRUMENTS.map((d, i) => {
    const loc = LOCATION[d.org];
    const f = d.filing;
    const approvedOn = f?.state === "filed" ? addDays(today, -f.approvedAgo) : null;
    const validUntil = f?.state === "filed" && f.validIn !== undefined ? addDays(today, f.validIn) : null;
    return {
      enterpriseId: orgId[d.org]!,
      name: d.name,
      model: d.model,
      serialNo: d.serial,
      manufacturer: d.kind === "燃油加油机" ? "示例加油机制造有限公司" : "示例计量器具有限公司",
      installLocation: loc.installLocation,
      provinceCode: loc.provinceCode,
      cityCode: loc.cityCode,
      countyCode: loc.countyCode,
      status: f?.state === "filed" ? ("in_use" as const) : ("new" as const),
      purpose: d.purpose,
      method: d.method,
      kindId: kindId(d.kind),
      filingStatus: (f?.state ?? "none") as "none" | "pending" | "assigned" | "filed" | "returned",
      flowStatus: f?.state === "pending" || f?.state === "assigned" ? ("filing" as const) : null,
      institutionId: !f || f.state === "returned" ? null : orgId[f.state === "filed" ? f.by : f.state === "assigned" ? f.county : f.to]!,
      instrumentCode: codes[i] ?? null,
      labelToken: f?.state === "filed" ? newLabelToken() : null,
      filingApprovedOn: approvedOn,
      validUntil,
      certificateNo: validUntil ? `DEMO${d.serial.replace(/\D/g, "")}` : null,
      failedSince: f?.state === "filed" && f.failedAgo ? addDays(today, -f.failedAgo) : null,
      manufacturerNorm: "",
      serialNorm: normaliseForDuplicates(d.serial),
    };
  }).map((v) => ({ ...v, manufacturerNorm: normaliseForDuplicates(v.manufacturer) }));
  const rows = await tx.insert(instruments).values(values).returning({ id: instruments.id, serialNo: instruments.serialNo, instrumentCode: instruments.instrumentCode, approvedOn: instruments.filingApprovedOn });

  const at = new Date().toISOString();
  const staff = { gzInstitute: userId.gzjly, byInstitute: userId.byjls, authorisedInstitute: userId.sqjg } as Record<string, number | undefined>;
  const filingRows = INSTRUMENTS.flatMap((d) => {
    const f = d.filing;
    if (!f) return [];
    const r = rows.find((x) => x.serialNo === d.serial)!;
    const reviewer = f.state === "filed" ? f.by : f.to;
    const submitter = d.org === S ? userId.jyzqy : userId.yyqy;
    const history: FilingHistoryEntry[] = [{ at, action: "submit", byOrgId: orgId[d.org]!, byUserId: submitter ?? null, toOrgId: orgId[reviewer] }];
    if (f.state === "filed") history.push({ at, action: "approve", byOrgId: orgId[f.by]!, byUserId: staff[f.by] ?? null });
    if (f.state === "assigned") history.push({ at, action: "assign", byOrgId: orgId[f.to]!, byUserId: staff[f.to] ?? null, toOrgId: orgId[f.county] });
    if (f.state === "returned") history.push({ at, action: "return", byOrgId: orgId[f.to]!, byUserId: staff[f.to] ?? null, reason: f.reason, text: f.text });
    return [{
      instrumentId: r.id,
      enterpriseId: orgId[d.org]!,
      institutionId: orgId[reviewer]!,
      assignedInstitutionId: f.state === "assigned" ? orgId[f.county]! : null,
      state: f.state,
      returnReason: f.state === "returned" ? f.reason : null,
      returnText: f.state === "returned" ? (f.text ?? null) : null,
      submittedBy: submitter ?? null,
      decidedBy: f.state === "filed" || f.state === "returned" ? (staff[reviewer] ?? null) : null,
      decidedAt: f.state === "filed" || f.state === "returned" ? new Date() : null,
      approvedOn: r.approvedOn,
      instrumentCode: r.instrumentCode,
      history,
    }];
  });
  if (filingRows.length) await tx.insert(filings).values(filingRows);
}
