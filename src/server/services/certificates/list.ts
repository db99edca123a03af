import "server-only";
import { and, desc, eq, gt, gte, ilike, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { addDays, chinaToday } from "@/lib/china-day";
import type { certificateListInput } from "@/lib/schemas/certificates";
import type { DocumentViewState } from "@/lib/vocab";
import type { DocumentReader } from "@/server/authz/document-reader";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";
import type { Queryable } from "@/server/db/open";
import { certificates, results } from "@/server/db/schema";
import { downloadBlock, feeState } from "@/server/domain/certificates/access";
import { documentViewState } from "@/server/domain/certificates/public-state";
import { readerWhere } from "./reader-scope";

type ListInput = z.output<typeof certificateListInput>;

/** The view state (R-PUB-1, R-TIME-1) as a WHERE clause on China day `today`, the same precedence as documentViewState. */
function viewStateWhere(state: DocumentViewState, today: string): SQL {
  const live = and(eq(certificates.state, "issued"), eq(certificates.kind, "certificate"))!;
  const soon = addDays(today, 30);
  switch (state) {
    case "revoked":
      return eq(certificates.state, "revoked");
    case "failed":
      return and(eq(certificates.state, "issued"), eq(certificates.kind, "fail_notice"))!;
    case "expired":
      return and(live, lt(certificates.validUntil, today))!;
    case "expiring":
      return and(live, gte(certificates.validUntil, today), lte(certificates.validUntil, soon))!;
    case "valid":
      return and(live, or(isNull(certificates.validUntil), gt(certificates.validUntil, soon)))!;
  }
}

/**
 * 证书 list (issue 10 item 7): the reader's documents, newest first by keyset on id, filtered by kind, view
 * state, issue date, instrument or appointment, and a search over number, instrument name, serial number and
 * 器具编码 (as printed on the document). Each row says whether the reader may download it now (R-RES-4).
 */
export async function listDocuments(db: Queryable, r: DocumentReader, input: ListInput) {
  const today = chinaToday();
  const q = input.q ? escapeLike(input.q) : null;
  const instrumentField = (f: string) => sql`${certificates.snapshot}->'instrument'->>${f}`;
  const rows = await db
    .select({
      id: certificates.id,
      kind: certificates.kind,
      number: certificates.number,
      state: certificates.state,
      issuedOn: certificates.issuedOn,
      verifiedOn: certificates.verifiedOn,
      validUntil: certificates.validUntil,
      snapshot: certificates.snapshot,
      instrumentId: certificates.instrumentId,
      appointmentId: certificates.appointmentId,
      resultId: certificates.resultId,
      replacesId: certificates.replacesId,
      revokeReason: certificates.revokeReason,
      feeCents: results.feeCents,
      feeNote: results.feeNote,
      feePaidAt: results.feePaidAt,
    })
    .from(certificates)
    .innerJoin(results, eq(results.id, certificates.resultId))
    .where(
      and(
        readerWhere(r),
        input.kind ? eq(certificates.kind, input.kind) : undefined,
        input.state ? viewStateWhere(input.state, today) : undefined,
        input.from ? gte(certificates.issuedOn, input.from) : undefined,
        input.to ? lte(certificates.issuedOn, input.to) : undefined,
        input.instrumentId ? eq(certificates.instrumentId, input.instrumentId) : undefined,
        input.appointmentId ? eq(certificates.appointmentId, input.appointmentId) : undefined,
        q ? or(ilike(certificates.number, q), ilike(instrumentField("name"), q), ilike(instrumentField("serialNo"), q), ilike(instrumentField("instrumentCode"), q)) : undefined,
        input.cursor ? lt(certificates.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(certificates.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = page(rows, input.limit);
  return {
    items: items.map(({ snapshot: s, feePaidAt, ...d }) => ({
      ...d,
      instrumentName: s.instrument.name,
      serialNo: s.instrument.serialNo,
      model: s.instrument.model,
      userUnit: s.userUnit.name,
      institutionName: s.institution.name,
      viewState: documentViewState(d, today),
      fee: feeState({ feeCents: d.feeCents, feePaidAt }),
      feePaidAt,
      /** Why the reader cannot download it now (待缴费), or null. */
      blocked: downloadBlock(r.reader, { feeCents: d.feeCents, feePaidAt, feeNote: d.feeNote }),
    })),
    nextCursor,
  };
}
