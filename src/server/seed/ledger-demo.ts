import "server-only";
import { newLabelToken } from "@/server/services/public/label-token";
import { eq } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import { normaliseForDuplicates } from "@/server/domain/ledger/normalise";
import { writeAudit } from "@/server/services/audit";
import { instrumentCode } from "@/server/domain/filing/transitions";
import { catalogueKinds, catalogueVersions, departments, instruments } from "@/server/db/schema";
import { nextNumber } from "@/server/services/numbering/next-number";
import type { DemoContext } from "./demo";

type Seed = Omit<typeof instruments.$inferInsert, "enterpriseId" | "manufacturerNorm" | "serialNorm" | "kindId" | "provinceCode" | "cityCode" | "countyCode"> & {
  kind: string;
  dept?: string;
};

/**
 * A realistic demo ledger (serials "TZ-…"): the petrol station's nozzles and the hospital's thermometers,
 * transformers, water and gas meters, with validity dates relative to today so that some are due within
 * 30 days (yellow) and some overdue (red) (R-LED-4).
 */
export async function seedLedgerDemo({ tx, orgId, userId }: DemoContext) {
  const today = chinaToday();
  const kindRows = await tx
    .select({ id: catalogueKinds.id, name: catalogueKinds.name })
    .from(catalogueKinds)
    .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId))
    .where(eq(catalogueVersions.isCurrent, true));
  const kindId = (name: string) => kindRows.find((k) => k.name === name)?.id;
  if (!kindId("燃油加油机")) return; // a catalogue without the sample kinds: nothing to seed

  const station: Seed[] = [];
  for (let island = 1; island <= 6; island++)
    for (let gun = 1; gun <= 4; gun++) {
      const n = (island - 1) * 4 + gun;
      const validOffset = n <= 2 ? -12 + n : n <= 6 ? 5 * n : 40 + n * 5;
      station.push({
        kind: "燃油加油机",
        dept: "加油区",
        name: "燃油加油机",
        model: gun % 2 ? "CS46-4" : "TQ-2",
        measuringRange: "(5~60)L/min",
        accuracyClass: "0.3级",
        serialNo: `TZ-JYJ-${String(n).padStart(4, "0")}`,
        ownNo: `${island}岛${gun}枪`,
        manufacturer: gun % 2 ? "正星科技股份有限公司" : "托肯恒山科技（广州）有限公司",
        origin: "domestic",
        installLocation: `${island}号加油岛`,
        purchaseDate: addDays(today, -900 - n * 7),
        status: n === 23 ? "stopped" : n === 24 ? "scrapped" : "in_use",
        purpose: "trade",
        method: "on_site",
        filingStatus: "filed",
        certificateNo: `GZJL-JYJ-${String(n).padStart(5, "0")}`,
        validUntil: addDays(today, validOffset),
        tags: [`${island}号岛`, gun <= 2 ? "汽油" : "柴油"],
      });
    }
  station.push(
    { kind: "燃气表(G1.6~G16)", dept: "便利店", name: "膜式燃气表", model: "G2.5", serialNo: "TZ-RQB-0001", manufacturer: "重庆前卫表业有限公司", origin: "domestic", installLocation: "便利店厨房", status: "in_use", purpose: "trade", method: "send_in", tags: ["便利店"] },
    { kind: "水表(DN15~DN50)", dept: "便利店", name: "旋翼式水表", model: "LXS-20", serialNo: "TZ-SB-0001", manufacturer: "宁波水表（集团）股份有限公司", origin: "domestic", installLocation: "站房", status: "new", purpose: "trade", method: "send_in", tags: [] },
  );

  const hospital: Seed[] = [];
  for (let n = 1; n <= 16; n++)
    hospital.push({
      kind: "玻璃体温计",
      dept: n <= 8 ? "内科" : "儿科",
      name: "玻璃体温计",
      model: "三角型棒式",
      measuringRange: "(35~42)℃",
      accuracyClass: "±0.1℃",
      serialNo: `TZ-TWJ-${String(n).padStart(4, "0")}`,
      manufacturer: "江苏玉环医用仪表有限公司",
      origin: "domestic",
      installLocation: n <= 8 ? "门诊楼 3 楼护士站" : "住院楼 5 楼护士站",
      status: n === 16 ? "stopped" : "in_use",
      purpose: "medical",
      method: "send_in",
      filingStatus: n <= 12 ? "filed" : "none",
      certificateNo: n <= 12 ? `GZJL-TWJ-${String(n).padStart(5, "0")}` : null,
      validUntil: n <= 12 ? addDays(today, n <= 3 ? -30 + n : n <= 7 ? 3 * n : 200 + n) : null,
      tags: [n <= 8 ? "门诊" : "住院"],
    });
  for (let n = 1; n <= 4; n++)
    hospital.push({
      kind: "电力测量用互感器",
      dept: "设备科",
      name: "电流互感器",
      model: "LMZJ1-0.5",
      measuringRange: "(5~600)A/5A",
      accuracyClass: "0.2S级",
      serialNo: `TZ-HGQ-${String(n).padStart(4, "0")}`,
      manufacturer: "正泰电器股份有限公司",
      origin: "domestic",
      installLocation: "配电房",
      status: "in_use",
      purpose: "trade",
      method: "on_site",
      typeCertNo: `2019F${100 + n}-33`,
      tags: ["配电房"],
    });
  for (let n = 1; n <= 3; n++)
    hospital.push({ kind: "水表(DN15~DN50)", dept: "后勤科", name: "水表", model: "LXS-25", serialNo: `TZ-SB-${String(n).padStart(4, "0")}`, manufacturer: "宁波水表（集团）股份有限公司", origin: "domestic", installLocation: `${n}号楼水表井`, status: "in_use", purpose: "trade", method: "send_in", tags: ["后勤"] });
  hospital.push({ kind: "燃气表(G1.6~G16)", dept: "后勤科", name: "膜式燃气表", model: "G6", serialNo: "TZ-RQB-0001", manufacturer: "重庆前卫表业有限公司", origin: "imported", installLocation: "食堂", status: "in_use", purpose: "trade", method: "send_in", tags: ["食堂"] });

  const sets = [
    { org: orgId.stationEnterprise!, user: userId.jyzqy ?? null, loc: { provinceCode: "44", cityCode: "4401", countyCode: "440111" }, rows: station },
    { org: orgId.hospitalEnterprise!, user: userId.yyqy ?? null, loc: { provinceCode: "44", cityCode: "4401", countyCode: "440106" }, rows: hospital },
  ];
  for (const s of sets) {
    const deptNames = [...new Set(s.rows.map((r) => r.dept).filter((d): d is string => !!d))];
    const depts = await tx.insert(departments).values(deptNames.map((name) => ({ orgId: s.org, name }))).returning({ id: departments.id, name: departments.name });
    // Filed instruments get real R-FIL-4 codes (county + approval day + sequence) from the numbering
    // service, so later approvals on that day continue after them.
    const approvedOn = addDays(today, -380);
    const filed = s.rows.filter((r) => kindId(r.kind) && r.filingStatus === "filed").length;
    let seq = filed ? (await nextNumber(tx, "instrument_code", s.loc.countyCode, approvedOn, filed)) - 1 : 0;
    const values = s.rows
      .filter((r) => kindId(r.kind))
      .map(({ kind, dept, ...r }) => ({
        ...r,
        ...s.loc,
        ...(r.filingStatus === "filed"
          ? { filingApprovedOn: approvedOn, instrumentCode: instrumentCode(s.loc.countyCode, approvedOn, ++seq), labelToken: newLabelToken() }
          : {}),
        enterpriseId: s.org,
        kindId: kindId(kind)!,
        departmentId: depts.find((d) => d.name === dept)?.id ?? null,
        institutionId: r.filingStatus === "filed" ? (s.loc.countyCode === "440111" ? orgId.byInstitute : orgId.gzInstitute) : null,
        manufacturerNorm: normaliseForDuplicates(r.manufacturer),
        serialNorm: normaliseForDuplicates(r.serialNo),
      }));
    const rows = await tx.insert(instruments).values(values).returning({ id: instruments.id });
    // One audit row per enterprise (not per instrument) keeps the demo audit log readable.
    await writeAudit(tx, { userId: s.user, orgId: s.org }, { action: "ledger.seed", entityType: "organisation", entityId: s.org, after: { instruments: rows.length, source: "demo" } });
  }
}
