import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { chinaToday } from "@/lib/china-day";
import { METHOD_LABEL } from "@/lib/words";
import type { EnterpriseCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { catalogueKinds, departments, instruments, organisations } from "@/server/db/schema";
import { plannedMonth } from "@/server/domain/appointments/annual-plan";
import { neutraliseFormula } from "@/server/domain/ledger/formula-guard";

export const PLAN_COLUMNS = [
  { header: "计划月份", width: 9 },
  { header: "部门", width: 12 },
  { header: "检定机构", width: 26 },
  { header: "器具名称", width: 18 },
  { header: "型号规格", width: 14 },
  { header: "出厂编号", width: 16 },
  { header: "器具编码", width: 20 },
  { header: "安装使用地点", width: 18 },
  { header: "上次证书编号", width: 22 },
  { header: "有效期至", width: 12 },
  { header: "计划检定方式", width: 12 },
  { header: "说明", width: 10 },
] as const;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const MONTH_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

/**
 * 年度检定计划 (issue 10 item 9). The plan as a streamed .xlsx: sheet 年度检定计划 (month header rows, then the instruments by department and
 * institution) and sheet 汇总 (count per month and institution). Read in one ordered query: an enterprise's
 * due instruments for one year are at most a few thousand rows.
 */
export function exportAnnualPlan(db: Queryable, scope: EnterpriseCaller["scope"], year: number, now = new Date()): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const today = chinaToday(now);
  (async () => {
    const [me] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, scope.orgId));
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const current = Number(today.slice(0, 4)) === year;
    const window: SQL = current
      ? (or(lte(instruments.validUntil, to), and(isNull(instruments.validUntil), eq(instruments.filingStatus, "filed"), isNull(instruments.certificateNo))) as SQL)
      : (and(gte(instruments.validUntil, from), lte(instruments.validUntil, to)) as SQL);
    const rows = await db
      .select({
        validUntil: instruments.validUntil,
        certificateNo: instruments.certificateNo,
        filingStatus: instruments.filingStatus,
        name: instruments.name,
        model: instruments.model,
        serialNo: instruments.serialNo,
        instrumentCode: instruments.instrumentCode,
        installLocation: instruments.installLocation,
        method: instruments.method,
        department: departments.name,
        institution: organisations.name,
        kindName: catalogueKinds.name,
      })
      .from(instruments)
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .leftJoin(departments, eq(departments.id, instruments.departmentId))
      .leftJoin(organisations, eq(organisations.id, instruments.institutionId))
      .where(and(eq(instruments.enterpriseId, scope.orgId), inArray(instruments.status, ["new", "in_use"]), window))
      .orderBy(asc(instruments.validUntil), asc(instruments.id));
    const planned = rows
      .map((r) => ({ r, p: plannedMonth(r, year, today) }))
      .filter((x): x is { r: (typeof rows)[number]; p: { month: number; note: string } } => x.p !== null)
      .sort((a, b) => a.p.month - b.p.month || (a.r.department ?? "").localeCompare(b.r.department ?? "", "zh") || (a.r.institution ?? "").localeCompare(b.r.institution ?? "", "zh"));

    const ws = wb.addWorksheet("年度检定计划", { views: [{ state: "frozen", ySplit: 3 }] });
    ws.columns = PLAN_COLUMNS.map((c) => ({ width: c.width }));
    const title = ws.addRow([`${me?.name ?? ""} ${year} 年度检定计划`]);
    title.font = { bold: true, size: 14 };
    title.commit();
    ws.addRow([`共 ${planned.length} 台（件），生成日期 ${today}`]).commit();
    const head = ws.addRow(PLAN_COLUMNS.map((c) => c.header));
    head.font = { bold: true };
    head.eachCell((c) => (c.fill = HEADER_FILL));
    head.commit();
    let month = 0;
    const summary = new Map<string, number>();
    for (const { r, p } of planned) {
      if (p.month !== month) {
        month = p.month;
        const count = planned.filter((x) => x.p.month === month).length;
        const m = ws.addRow([`${month} 月（${count} 台）`]);
        m.font = { bold: true };
        m.eachCell((c) => (c.fill = MONTH_FILL));
        m.commit();
      }
      const inst = r.institution ?? "（未备案）";
      summary.set(`${p.month}|${inst}`, (summary.get(`${p.month}|${inst}`) ?? 0) + 1);
      ws.addRow(
        [`${p.month}月`, r.department ?? "", inst, r.name, r.model, r.serialNo, r.instrumentCode ?? "", r.installLocation, r.certificateNo ?? "", r.validUntil ?? "", METHOD_LABEL[r.method], p.note].map((v) =>
          neutraliseFormula(v),
        ),
      ).commit();
    }
    ws.commit();

    const sum = wb.addWorksheet("汇总");
    sum.columns = [{ width: 10 }, { width: 30 }, { width: 10 }];
    const sh = sum.addRow(["月份", "检定机构", "台（件）数"]);
    sh.font = { bold: true };
    sh.commit();
    for (const [k, n] of [...summary].sort(([a], [b]) => Number(a.split("|")[0]) - Number(b.split("|")[0]) || a.localeCompare(b, "zh"))) {
      const [m, inst] = k.split("|");
      sum.addRow([`${m}月`, neutraliseFormula(inst!), n]).commit();
    }
    sum.addRow(["合计", "", planned.length]).commit();
    sum.commit();
    await wb.commit();
  })().catch((e) => {
    console.error("[appointments] annual plan export failed", e);
    out.destroy(e as Error);
  });
  return out;
}
