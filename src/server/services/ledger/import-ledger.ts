import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { InstrumentFields } from "@/lib/schemas/ledger";
import type { DB, Queryable } from "@/server/db/open";
import { instruments, ledgerImports, regions } from "@/server/db/schema";
import { parseLedgerRow, type RowError } from "@/server/domain/ledger/excel-row";
import { normaliseForDuplicates } from "@/server/domain/ledger/normalise";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { readLedgerSheet } from "./excel-read";
import { departmentIds } from "./departments";
import { describeInstrument, type ExistingInstrument, rowLookups } from "./lookups";
import { rowValues } from "./save-instrument";

export type ValidRow = { rowNumber: number; fields: InstrumentFields };
export type ImportCheck = {
  sha256: string;
  fileName: string;
  totalRows: number;
  valid: ValidRow[];
  errors: RowError[];
  alreadyImported: boolean;
};

const keyOf = (manufacturer: string, serial: string) => `${normaliseForDuplicates(manufacturer)}\u0000${normaliseForDuplicates(serial)}`;

/** Existing ledger keys among the given ones (chunked IN lists), for R-LED-1 against the ledger. */
async function existingKeys(db: Queryable, orgId: number, serialNorms: string[]) {
  const found = new Map<string, ExistingInstrument>();
  const unique = [...new Set(serialNorms)];
  for (let i = 0; i < unique.length; i += 2000) {
    const rows = await db
      .select({ id: instruments.id, name: instruments.name, serialNo: instruments.serialNo, manufacturer: instruments.manufacturer, instrumentCode: instruments.instrumentCode, m: instruments.manufacturerNorm, s: instruments.serialNorm })
      .from(instruments)
      .where(and(eq(instruments.enterpriseId, orgId), inArray(instruments.serialNorm, unique.slice(i, i + 2000))));
    for (const { m, s, ...r } of rows) found.set(`${m}\u0000${s}`, r);
  }
  return found;
}

/**
 * Parses and checks a whole file (R-LED-5): every row with the form's schema, duplicates within the file and
 * against the ledger (R-LED-1). Writes nothing.
 */
export async function checkLedgerFile(
  db: Queryable,
  orgId: number,
  file: { name: string; bytes: Uint8Array },
  onProgress?: (phase: "parse" | "check", done: number) => void,
): Promise<ImportCheck> {
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const [done] = await db.select({ id: ledgerImports.id }).from(ledgerImports).where(and(eq(ledgerImports.enterpriseId, orgId), eq(ledgerImports.sha256, sha256))).limit(1);
  const rows = await readLedgerSheet(file.bytes, (n) => onProgress?.("parse", n));
  const lookups = await rowLookups(db);
  const errors: RowError[] = [];
  const parsed: ValidRow[] = [];
  for (const r of rows) {
    const p = parseLedgerRow(r.rowNumber, r.cells, lookups);
    if (p.ok) parsed.push({ rowNumber: r.rowNumber, fields: p.value });
    else errors.push(...p.errors);
  }
  onProgress?.("check", rows.length);
  const existing = await existingKeys(db, orgId, parsed.map((p) => normaliseForDuplicates(p.fields.serialNo)));
  const seen = new Map<string, number>();
  const valid: ValidRow[] = [];
  for (const p of parsed) {
    const key = keyOf(p.fields.manufacturer, p.fields.serialNo);
    const first = seen.get(key);
    const inLedger = existing.get(key);
    if (first !== undefined) errors.push({ row: p.rowNumber, column: "出厂编号", message: `与第 ${first} 行的生产厂家 + 出厂编号重复` });
    else if (inLedger) errors.push({ row: p.rowNumber, column: "出厂编号", message: `台账中已有相同生产厂家和出厂编号的器具：${describeInstrument(inLedger)}` });
    else valid.push(p);
    if (first === undefined) seen.set(key, p.rowNumber);
  }
  errors.sort((a, b) => a.row - b.row);
  return { sha256, fileName: file.name, totalRows: rows.length, valid, errors, alreadyImported: !!done };
}

const CHUNK = Number(process.env.LEDGER_IMPORT_CHUNK ?? 1000);

/**
 * Writes the valid rows of a checked file in ONE transaction with multi-row INSERTs (all or nothing), keyed
 * by the file's sha256 so a repeat of the same file does nothing (R-LED-5).
 */
export async function commitLedgerImport(db: DB, actor: Actor & { orgId: number }, check: ImportCheck, onProgress?: (written: number) => void) {
  if (check.alreadyImported) return { alreadyImported: true as const, inserted: 0 };
  if (!check.valid.length) throw new AppError("BAD_INPUT", "没有可导入的有效行，请按错误提示修改后重新上传");
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(ledgerImports)
      .values({ enterpriseId: actor.orgId, sha256: check.sha256, fileName: check.fileName.slice(0, 200), rowCount: check.valid.length, importedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: ledgerImports.id });
    if (!batch) return { alreadyImported: true as const, inserted: 0 };
    const counties = [...new Set(check.valid.map((v) => v.fields.countyCode))];
    const locs = await tx.select({ code: regions.code, cityCode: regions.cityCode, provinceCode: regions.provinceCode }).from(regions).where(inArray(regions.code, counties));
    const loc = new Map(locs.map((l) => [l.code, { countyCode: l.code, cityCode: l.cityCode ?? l.code.slice(0, 4), provinceCode: l.provinceCode }]));
    const depts = await departmentIds(tx, actor, check.valid.map((v) => v.fields.department));
    let written = 0;
    for (let i = 0; i < check.valid.length; i += CHUNK) {
      const chunk = check.valid.slice(i, i + CHUNK);
      const ids = await tx
        .insert(instruments)
        .values(
          chunk.map((v) => ({
            ...rowValues(v.fields, loc.get(v.fields.countyCode)!, v.fields.department ? (depts.get(v.fields.department) ?? null) : null),
            enterpriseId: actor.orgId,
            status: v.fields.status,
          })),
        )
        .returning({ id: instruments.id });
      await writeAudit(
        tx,
        actor,
        ids.map((r, j) => ({ action: "instrument.import", entityType: "instrument", entityId: r.id, after: { importId: batch.id, row: chunk[j]?.rowNumber } })),
      );
      written += chunk.length;
      onProgress?.(written);
    }
    await writeAudit(tx, actor, { action: "ledger.import", entityType: "ledger_import", entityId: batch.id, after: { file: check.fileName, sha256: check.sha256, rows: written, skipped: check.totalRows - written } });
    return { alreadyImported: false as const, inserted: written, importId: batch.id };
  });
}
