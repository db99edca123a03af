import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { filings, instruments, type FilingHistoryEntry } from "@/server/db/schema";
import { assertCanSubmit } from "@/server/domain/filing/transitions";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { auditView } from "@/server/services/ledger/load";
import { loadCandidates, routeFor } from "./candidates";
import { loadFileable } from "./load-fileable";
import type { z } from "zod";
import { correctionColumns, type instrumentCorrection } from "@/lib/schemas/filing";

type Item = { instrumentId: number; institutionId: number };

/**
 * R-FIL-1: the enterprise submits instruments, each to an institution that covers its location with the
 * capability. One filing row per instrument, so instruments of different institutions are separate
 * submissions automatically. All or nothing: one bad row refuses the whole request with its reason.
 */
export async function submitFilings(
  db: DB,
  actor: Actor & { orgId: number },
  items: Item[],
  opts: { resubmit?: boolean; correction?: z.infer<typeof instrumentCorrection> } = {},
) {
  const { correction } = opts;
  const byInstrument = new Map(items.map((i) => [i.instrumentId, i.institutionId]));
  if (byInstrument.size !== items.length) throw new AppError("BAD_INPUT", "同一台器具只能提交一次");
  return db.transaction(async (tx) => {
    const rows = await loadFileable(tx, actor.orgId, [...byInstrument.keys()], true);
    if (rows.length !== byInstrument.size) throw new AppError("NOT_FOUND");
    if (opts.resubmit && rows.some((r) => r.filingStatus !== "returned")) throw new AppError("FILING_NOT_RETURNED");
    const candidates = await loadCandidates(tx, [...new Set(rows.map((r) => r.kindId))]);
    const now = new Date();
    const values = rows.map((r) => {
      try {
        assertCanSubmit(r.fileable);
        const institutionId = byInstrument.get(r.id)!;
        if (!routeFor(candidates, r).eligible.some((e) => e.id === institutionId)) throw new AppError("FILING_INSTITUTION_NOT_ELIGIBLE");
        const history: FilingHistoryEntry[] = [{ at: now.toISOString(), action: "submit", byOrgId: actor.orgId, byUserId: actor.userId, toOrgId: institutionId }];
        return { instrumentId: r.id, enterpriseId: actor.orgId, institutionId, submittedBy: actor.userId, history };
      } catch (err) {
        // Name the instrument so a bulk submission says which row is wrong.
        if (err instanceof AppError && err.appCode !== "NOT_FOUND") throw new AppError(err.appCode, `${r.name}（出厂编号 ${r.serialNo}）：${err.message}`);
        throw err;
      }
    });
    if (correction) {
      // The corrections are a ledger edit: the instrument's 历史记录 shows them field by field (issue 9 #15).
      const ids = rows.map((r) => r.id);
      const before = await tx.select().from(instruments).where(inArray(instruments.id, ids));
      const after = await tx.update(instruments).set(correctionColumns(correction)).where(inArray(instruments.id, ids)).returning();
      await writeAudit(
        tx,
        actor,
        after.map((a) => ({ action: "instrument.correct", entityType: "instrument", entityId: a.id, before: auditView(before.find((b) => b.id === a.id)!), after: auditView(a) })),
      );
    }
    const created = await tx.insert(filings).values(values).returning({ id: filings.id, instrumentId: filings.instrumentId, institutionId: filings.institutionId });
    // The instrument is now in the filing flow: the ledger refuses edits until it leaves it (R-LED-2).
    await tx
      .update(instruments)
      .set({
        filingStatus: "pending",
        flowStatus: "filing",
        institutionId: sql`case ${instruments.id} ${sql.join(
          created.map((c) => sql`when ${c.instrumentId} then ${c.institutionId}::bigint`),
          sql` `,
        )} end`,
      })
      .where(inArray(instruments.id, created.map((c) => c.instrumentId)));
    await writeAudit(
      tx,
      actor,
      created.map((c) => {
        const r = rows.find((x) => x.id === c.instrumentId)!;
        return {
          action: opts.resubmit ? "filing.resubmit" : "filing.submit",
          entityType: "filing",
          entityId: c.id,
          before: { instrumentId: r.id, filingStatus: r.filingStatus },
          after: { instrumentId: r.id, filingStatus: "pending", institutionId: c.institutionId, ...(correction ? { correction } : {}) },
        };
      }),
    );
    return { created: created.length, institutions: new Set(created.map((c) => c.institutionId)).size, filingIds: created.map((c) => c.id) };
  });
}
