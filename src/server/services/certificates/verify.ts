import "server-only";
import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import { CERTIFICATE_TOKEN } from "@/lib/schemas/certificates";
import { DOCUMENT_VIEW_STATE_LABEL } from "@/lib/vocab";
import type { Queryable } from "@/server/db/open";
import { certificates } from "@/server/db/schema";
import { documentViewState } from "@/server/domain/certificates/public-state";

/**
 * What `/v/{token}` answers (R-PUB-1, minimal until the public page of issue 11): the document's state on the
 * China day, number, instrument and institution — or null. A malformed token never reaches the database; a
 * well-formed one is looked up by the unique token index (one equality probe, whatever the token) and
 * compared again in constant time, so a token differing in any character matches nothing.
 */
export async function documentByToken(db: Queryable, token: string) {
  if (!CERTIFICATE_TOKEN.test(token)) return null;
  const [d] = await db
    .select({ token: certificates.token, kind: certificates.kind, number: certificates.number, state: certificates.state, validUntil: certificates.validUntil, verifiedOn: certificates.verifiedOn, snapshot: certificates.snapshot })
    .from(certificates)
    .where(eq(certificates.token, token))
    .limit(1);
  if (!d) return null;
  const a = Buffer.from(d.token);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const viewState = documentViewState(d, chinaToday());
  return {
    kind: d.kind,
    number: d.number,
    viewState,
    viewStateLabel: DOCUMENT_VIEW_STATE_LABEL[viewState],
    verifiedOn: d.verifiedOn,
    validUntil: d.validUntil,
    instrumentName: d.snapshot.instrument.name,
    institutionName: d.snapshot.institution.name,
  };
}
