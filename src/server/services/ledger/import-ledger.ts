import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { InstrumentFields } from "@/lib/schemas/ledger";
import { bulkInsert, type BulkValue } from "@/server/db/bulk";
import type { DB, Queryable } from "@/server/db/open";
import { instruments, ledgerImports, regions } from "@/server/db/schema";
import { parseLedgerRow, type RowError } from "@/server/domain/ledger/excel-row";
import { normaliseForDuplicates } from "@/server/domain/ledger/normalise";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { streamLedgerSheet } from "./excel-read";
import { departmentIds } from "./departments";
import { describeInstrument, type ExistingInstrument, rowLookups } from "./lookups";
import { rowValues } from "./save-instrument";

export type ValidRow = { rowNumber: number; fields: InstrumentFields };
/** What the preview and the confirm report: counts, and the errors by row and column (the first 50,000). */
export type ImportSummary = {
  sha256: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  /** Rows with at least one error. */
  errorRows: number;
  errors: RowError[];
  /** All errors, also those past the first 50,000 listed. */
  errorCount: number;
  alreadyImported: boolean;
};
export type ImportFile = { name: string; bytes: Uint8Array };

/** Errors listed in a summary (the error report takes as many); the rest are only counted. */
export const MAX_LISTED_ERRORS = 50_000;
/** Rows read, checked and staged together: one ledger look-up and one bulk write per batch. */
const BATCH = Number(process.env.LEDGER_IMPORT_BATCH ?? 2000);

/** The duplicate key (R-LED-1) of a manufacturer and an already normalised serial. */
const keyOf = (manufacturer: string, serialNorm: string) => `${normaliseForDuplicates(manufacturer)}\u0000${serialNorm}`;
const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

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
 * A row as it waits in a batch: its errors, or its duplicate keys and (only when writing) its fields. Kept
 * this small because a batch lives long enough to be promoted to the old generation: with the parsed fields
 * of every row the preview promoted 52-88 MB over 100,000 rows (issue 14 item 3).
 */
type Checked = { rowNumber: number; errors: RowError[] } | { rowNumber: number; errors: null; key: string; serialNorm: string; fields: InstrumentFields | null };

/**
 * Reads the file streaming and checks every row (R-LED-5): the form's schema, duplicates within the file and
 * against the ledger (R-LED-1). The valid rows go to `sink` a batch at a time, so memory holds two batches and
 * the keys seen, whatever the file's size. Errors come out in row order.
 *
 * A batch's write is not awaited before the next batch is read: the database writes batch k (its index
 * upkeep is most of an import's time) while this process inflates, parses and checks batch k+1 (issue 14
 * item 3: the confirm read the whole file first, then wrote, one after the other). Batch k+1's ledger look-up
 * waits for that write, so writes run one at a time, in file order, alone on the connection; a failed write
 * fails the scan (the caller's transaction then rolls everything back).
 */
async function scanLedgerFile(
  db: Queryable,
  orgId: number,
  bytes: Uint8Array,
  sink: ((rows: ValidRow[]) => Promise<void>) | null,
  onProgress?: (rows: number) => void,
) {
  const lookups = await rowLookups(db);
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  let totalRows = 0;
  let validRows = 0;
  let errorRows = 0;
  let errorCount = 0;
  const report = (list: RowError[]) => {
    errorRows++;
    errorCount += list.length;
    for (const e of list) if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };
  let batch: Checked[] = [];
  /** The write of the last batch handed to `sink`, still running while the next batch is read. */
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const checked = batch;
    batch = [];
    // The previous batch's write first: one at a time, in file order, and nothing else on the transaction's
    // connection meanwhile (a query sent during its COPY would break the protocol).
    await writing;
    const existing = await existingKeys(db, orgId, checked.flatMap((c) => (c.errors ? [] : [c.serialNorm])));
    const valid: ValidRow[] = [];
    let validCount = 0;
    for (const c of checked) {
      if (c.errors) {
        report(c.errors);
        continue;
      }
      const { rowNumber, key } = c;
      const first = seen.get(key);
      const inLedger = existing.get(key);
      if (first !== undefined) report([{ row: rowNumber, column: "出厂编号", message: `与第 ${first} 行的生产厂家 + 出厂编号重复` }]);
      else {
        seen.set(key, rowNumber);
        if (inLedger) report([{ row: rowNumber, column: "出厂编号", message: `台账中已有相同生产厂家和出厂编号的器具：${describeInstrument(inLedger)}` }]);
        else {
          validCount++;
          if (c.fields) valid.push({ rowNumber, fields: c.fields });
        }
      }
    }
    validRows += validCount;
    if (sink && valid.length) {
      writing = sink(valid);
      writing.catch(() => {}); // awaited at the next batch or the end; not an unhandled rejection meanwhile
    }
    onProgress?.(totalRows);
  };
  try {
    for await (const r of streamLedgerSheet(bytes)) {
      totalRows++;
      // Checked at once, so the row's cells die young: a batch of 2,000 raw rows lived long enough to be promoted
      // to the old generation (104-115 MB promoted over 100,000 rows).
      const p = parseLedgerRow(r.rowNumber, r.cells, lookups);
      if (!p.ok) batch.push({ rowNumber: r.rowNumber, errors: p.errors });
      else {
        const serialNorm = normaliseForDuplicates(p.value.serialNo);
        batch.push({ rowNumber: r.rowNumber, errors: null, key: keyOf(p.value.manufacturer, serialNorm), serialNorm, fields: sink ? p.value : null });
      }
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
  } finally {
    // Also when reading failed: no write may still be running when the caller's transaction rolls back.
    await writing.catch(() => {});
  }
  await writing;
  return { totalRows, validRows, errorRows, errors, errorCount };
}

/** The preview (R-LED-5): every row checked, nothing written. */
export async function checkLedgerFile(
  db: Queryable,
  orgId: number,
  file: ImportFile,
  onProgress?: (phase: "parse" | "check", done: number) => void,
): Promise<ImportSummary> {
  const sha256 = sha256Of(file.bytes);
  const [done] = await db.select({ id: ledgerImports.id }).from(ledgerImports).where(and(eq(ledgerImports.enterpriseId, orgId), eq(ledgerImports.sha256, sha256))).limit(1);
  const scan = await scanLedgerFile(db, orgId, file.bytes, null, (n) => onProgress?.("parse", n));
  onProgress?.("check", scan.totalRows);
  return { sha256, fileName: file.name, ...scan, alreadyImported: !!done };
}

/** Columns of the staging table, in COPY order (a subset of instruments', plus the file's row number). */
const STAGE_COLUMNS = [
  "row_no",
  "name",
  "model",
  "measuring_range",
  "accuracy_class",
  "serial_no",
  "own_no",
  "manufacturer",
  "origin",
  "install_location",
  "county_code",
  "city_code",
  "province_code",
  "purchase_date",
  "status",
  "purpose",
  "instrument_type",
  "method",
  "kind_id",
  "quantity",
  "department_id",
  "type_cert_no",
  "tags",
  "remark",
  "manufacturer_norm",
  "serial_norm",
] as const;
const INSTRUMENT_COLUMNS = STAGE_COLUMNS.slice(1).join(", ");

type Location = { countyCode: string; cityCode: string; provinceCode: string };

function stageRow(v: ValidRow, loc: Location, departmentId: number | null): BulkValue[] {
  const r = rowValues(v.fields, loc, departmentId);
  return [
    v.rowNumber,
    r.name,
    r.model,
    r.measuringRange,
    r.accuracyClass,
    r.serialNo,
    r.ownNo,
    r.manufacturer,
    r.origin,
    r.installLocation,
    r.countyCode,
    r.cityCode,
    r.provinceCode,
    r.purchaseDate,
    v.fields.status,
    r.purpose,
    r.instrumentType,
    r.method,
    r.kindId,
    r.quantity,
    r.departmentId,
    r.typeCertNo,
    r.tags,
    r.remark,
    r.manufacturerNorm,
    r.serialNorm,
  ];
}

/**
 * 确认导入 (R-LED-5): reads and checks the file again, streaming, and writes its valid rows in ONE transaction
 * (all or nothing). Each batch of valid rows is staged (COPY on PostgreSQL, INSERT … SELECT on PGlite) into a
 * temporary table, then one INSERT … SELECT moves it into the ledger and writes its `instrument.import` audit
 * rows set-based in the same statement; the database does this while the next batch is read (scanLedgerFile).
 * Keyed by the file's sha256: the same file again writes nothing. Memory is bounded by two batches (issue 14
 * item 3), not by the file.
 */
export async function importLedgerFile(
  db: DB,
  actor: Actor & { orgId: number },
  file: ImportFile,
  onProgress?: (phase: "write", done: number, total?: number) => void,
): Promise<ImportSummary & { inserted: number; importId?: number }> {
  const sha256 = sha256Of(file.bytes);
  const again = async () => ({ ...(await checkLedgerFile(db, actor.orgId, file)), alreadyImported: true, inserted: 0 });
  const [done] = await db.select({ id: ledgerImports.id }).from(ledgerImports).where(and(eq(ledgerImports.enterpriseId, actor.orgId), eq(ledgerImports.sha256, sha256))).limit(1);
  if (done) return again();
  const result = await db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(ledgerImports)
      .values({ enterpriseId: actor.orgId, sha256, fileName: file.name.slice(0, 200), rowCount: 0, importedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: ledgerImports.id });
    if (!batch) return null; // the same file, committed meanwhile by another request
    await tx.execute(
      sql.raw(`create temp table ledger_import_stage on commit drop as
        select 0::int as row_no, ${INSTRUMENT_COLUMNS} from instruments with no data`),
    );
    const counties = await tx.select({ code: regions.code, cityCode: regions.cityCode, provinceCode: regions.provinceCode }).from(regions).where(eq(regions.level, "county"));
    const loc = new Map(counties.map((l) => [l.code, { countyCode: l.code, cityCode: l.cityCode ?? l.code.slice(0, 4), provinceCode: l.provinceCode }]));
    const depts = new Map<string, number>();
    let inserted = 0;
    const scan = await scanLedgerFile(
      tx,
      actor.orgId,
      file.bytes,
      async (rows) => {
        const missing = rows.map((r) => r.fields.department).filter((d): d is string => !!d && !depts.has(d));
        if (missing.length) for (const [name, id] of await departmentIds(tx, actor, missing)) depts.set(name, id);
        const staged = rows.map((v) => stageRow(v, loc.get(v.fields.countyCode)!, v.fields.department ? (depts.get(v.fields.department) ?? null) : null));
        await bulkInsert(tx, "ledger_import_stage", STAGE_COLUMNS, staged);
        // The batch's ledger rows in file order, and an audit row for each (its import and file row).
        await tx.execute(sql`
          with added as (
            insert into ${instruments} (enterprise_id, ${sql.raw(INSTRUMENT_COLUMNS)})
            select ${actor.orgId}, ${sql.raw(INSTRUMENT_COLUMNS)} from ledger_import_stage order by row_no
            returning id, manufacturer_norm, serial_norm
          )
          insert into audit_log (actor_user_id, actor_org_id, ip, action, entity_type, entity_id, after)
          select ${actor.userId}::bigint, ${actor.orgId}::bigint, ${actor.ip ?? null}::text, 'instrument.import', 'instrument', added.id::text,
            jsonb_build_object('importId', ${batch.id}::bigint, 'row', s.row_no)
          from added join ledger_import_stage s using (manufacturer_norm, serial_norm)
          order by added.id`);
        await tx.execute(sql`truncate ledger_import_stage`);
        inserted += rows.length;
        onProgress?.("write", inserted);
      },
      // Rows are written as they are read: the progress is that of the writes (above).
      undefined,
    );
    if (!scan.validRows) throw new AppError("BAD_INPUT", "没有可导入的有效行，请按错误提示修改后重新上传");
    await tx.update(ledgerImports).set({ rowCount: scan.validRows }).where(eq(ledgerImports.id, batch.id));
    await writeAudit(tx, actor, {
      action: "ledger.import",
      entityType: "ledger_import",
      entityId: batch.id,
      after: { file: file.name, sha256, rows: scan.validRows, skipped: scan.totalRows - scan.validRows },
    });
    onProgress?.("write", inserted, scan.validRows);
    return { sha256, fileName: file.name, ...scan, alreadyImported: false, inserted, importId: batch.id };
  });
  return result ?? again();
}
