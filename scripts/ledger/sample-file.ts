// Builds ledger import workbooks (the template's columns) for tests, e2e fixtures and the 10 000-row bench.
// `npx tsx scripts/ledger/sample-file.ts <rows> <out.xlsx> [bad rows] [serial prefix]`
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { EXCEL_COLUMNS } from "../../src/server/domain/ledger/excel-columns";

export type Cells = Record<string, string | number>;

/** One good row for the petrol station (白云区), serial `${prefix}-${n}`. */
export function goodRow(n: number, prefix = "IMP"): Cells {
  return {
    器具名称: "燃油加油机",
    型号规格: n % 2 ? "CS46-4" : "TQ-2",
    测量范围: "(5~60)L/min",
    准确度等级: "0.3级",
    出厂编号: `${prefix}-${String(n).padStart(6, "0")}`,
    生产厂家: "示例加油机制造有限公司",
    生产地: "国产",
    安装使用地点: `${(n % 12) + 1}号加油岛`,
    所在地: "广东省/广州市/白云区",
    购买日期: n % 3 === 0 ? 46000 + (n % 300) : "2025-03-01",
    器具状态: "在用",
    器具用途: "贸易结算",
    检定方式: "现场检定",
    "项别/种别": "燃油加油机/燃油加油机",
    器具数量: 1,
    部门: n % 2 ? "加油区" : "油库",
    自定义标签: `岛${(n % 12) + 1} 导入`,
  };
}

/** Three kinds of bad rows, cycling: a missing name, a P-only kind (R-CAT-1), an unknown region. */
export function badRow(n: number, k: number, prefix = "IMP"): Cells {
  const r = goodRow(n, prefix);
  if (k % 3 === 0) r["器具名称"] = "";
  else if (k % 3 === 1) r["项别/种别"] = "全站仪/全站仪";
  else r["所在地"] = "广东省/广州市/不存在区";
  return r;
}

export async function ledgerWorkbook(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(EXCEL_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const r of rows) ws.addRow(EXCEL_COLUMNS.map((c) => r[c.header] ?? ""));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A large workbook written streaming to `file` (a 100,000-row sheet would take minutes in memory): the
 * template's header and `count` good rows with serials `${prefix}-n`, shared strings as Excel writes them.
 */
export async function writeLedgerWorkbookFile(file: string, count: number, prefix = "IMP") {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("台账");
  ws.addRow(EXCEL_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))).commit();
  for (let n = 1; n <= count; n++) {
    const r = goodRow(n, prefix);
    ws.addRow(EXCEL_COLUMNS.map((c) => r[c.header] ?? "")).commit();
  }
  ws.commit();
  await wb.commit();
}

/** `count` rows of which `bad` (spread through the file) are invalid. */
export function sampleRows(count: number, bad = 0, prefix = "IMP"): Cells[] {
  const badAt = new Set(Array.from({ length: bad }, (_, k) => Math.floor(((k + 1) * count) / (bad + 1))));
  let k = 0;
  return Array.from({ length: count }, (_, i) => (badAt.has(i) ? badRow(i + 1, k++, prefix) : goodRow(i + 1, prefix)));
}

if (process.argv[1]?.endsWith("sample-file.ts")) {
  const [count = "200", out = "ledger-sample.xlsx", bad = "0", prefix = "IMP"] = process.argv.slice(2);
  ledgerWorkbook(sampleRows(Number(count), Number(bad), prefix)).then((buf) => {
    writeFileSync(out, buf);
    console.log(`wrote ${out}: ${count} rows, ${bad} bad, ${buf.byteLength} bytes`);
  });
}
