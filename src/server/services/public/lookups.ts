import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { chinaToday, dayIn } from "@/lib/china-day";
import type { CertificateKind } from "@/lib/vocab";
import type { DB } from "@/server/db/open";
import { catalogueKinds, certificates, instruments, organisations } from "@/server/db/schema";
import { documentViewState, type DocumentViewState } from "@/server/domain/certificates/public-state";
import { maskPhone, maskText } from "@/server/domain/public/mask";

/** A token as the QR carries it (base64url, 24 characters today); anything else is not looked up at all. */
export const PUBLIC_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * What `/v/{token}` shows (R-PUB-1, R-SCOPE-5): the certificate's public fields only, masked. Never the ids,
 * the enterprise's people, the fee, the checker's or approver's names, nor the revoke reason.
 */
export type PublicCertificate = {
  state: DocumentViewState;
  kind: CertificateKind;
  number: string;
  issuedOn: string;
  verifiedOn: string;
  validUntil: string | null;
  revokedOn: string | null;
  instrument: { name: string; model: string; serialNo: string; manufacturer: string; instrumentCode: string | null; kindName: string; measuringRange: string | null; accuracyClass: string | null };
  userUnit: { name: string; address: string | null };
  institution: { name: string; address: string | null; contactPhone: string | null; authorisationCertNo: string | null };
  verifier: string;
  conclusion: string | null;
  /** SHA-256 (hex) of the issued, signed PDF — public on purpose, for the file check (R-PUB-4); null before the first download. */
  fileSha256: string | null;
};

/** What `/i/{token}` shows (R-PUB-3): the instrument and the state of its latest certificate, if any. */
export type PublicLabel = {
  instrument: { name: string; model: string; serialNo: string; manufacturer: string; instrumentCode: string | null; kindName: string };
  userUnit: string;
  filed: boolean;
  institution: { name: string; contactPhone: string | null } | null;
  latest: { state: DocumentViewState; kind: CertificateKind; number: string; validUntil: string | null; verifiedOn: string; token: string } | null;
};

const prepared = new WeakMap<DB, ReturnType<typeof prepare>>();

/** The token lookups as prepared statements, once per database (issue 11 #7). */
function prepare(db: DB) {
  const institution = alias(organisations, "institution");
  const enterprise = alias(organisations, "enterprise");
  const certificate = db
    .select({
      kind: certificates.kind,
      number: certificates.number,
      state: certificates.state,
      issuedOn: certificates.issuedOn,
      verifiedOn: certificates.verifiedOn,
      validUntil: certificates.validUntil,
      revokedAt: certificates.revokedAt,
      snapshot: certificates.snapshot,
      pdfSha256: certificates.pdfSha256,
    })
    .from(certificates)
    .where(eq(certificates.token, sql.placeholder("token")))
    .prepare("public_certificate_by_token");
  const latest = db
    .select({ kind: certificates.kind, number: certificates.number, state: certificates.state, validUntil: certificates.validUntil, verifiedOn: certificates.verifiedOn, token: certificates.token })
    .from(certificates)
    .where(eq(certificates.instrumentId, sql.placeholder("instrumentId")))
    .orderBy(desc(certificates.id))
    .limit(1)
    .prepare("public_latest_certificate");
  const label = db
    .select({
      id: instruments.id,
      name: instruments.name,
      model: instruments.model,
      serialNo: instruments.serialNo,
      manufacturer: instruments.manufacturer,
      instrumentCode: instruments.instrumentCode,
      filingStatus: instruments.filingStatus,
      kindName: catalogueKinds.name,
      userUnit: enterprise.name,
      institutionName: institution.name,
      institutionPhone: institution.contactPhone,
    })
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .innerJoin(enterprise, eq(enterprise.id, instruments.enterpriseId))
    .leftJoin(institution, eq(institution.id, instruments.institutionId))
    .where(eq(instruments.labelToken, sql.placeholder("token")))
    .prepare("public_label_by_token");
  const byNumber = db
    .select({ token: certificates.token })
    .from(certificates)
    .where(eq(certificates.number, sql.placeholder("q")))
    .prepare("public_certificate_by_number");
  const byCode = db
    .select({ token: instruments.labelToken })
    .from(instruments)
    .where(eq(instruments.instrumentCode, sql.placeholder("q")))
    .prepare("public_instrument_by_code");
  return { certificate, latest, label, byNumber, byCode };
}
function statements(db: DB) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

/** `/v/{token}`: the certificate, masked, or null for an unknown or malformed token (R-PUB-1). */
export async function certificateByToken(db: DB, token: string, today = chinaToday()): Promise<PublicCertificate | null> {
  if (!PUBLIC_TOKEN.test(token)) return null;
  const [c] = await statements(db).certificate.execute({ token });
  if (!c) return null;
  const s = c.snapshot;
  return {
    state: documentViewState(c, today),
    kind: c.kind,
    number: c.number,
    issuedOn: c.issuedOn,
    verifiedOn: c.verifiedOn,
    validUntil: c.validUntil,
    revokedOn: c.revokedAt ? dayIn(new Date(c.revokedAt)) : null,
    instrument: {
      name: s.instrument.name,
      model: s.instrument.model,
      serialNo: s.instrument.serialNo,
      manufacturer: s.instrument.manufacturer,
      instrumentCode: s.instrument.instrumentCode,
      kindName: s.instrument.kindName,
      measuringRange: s.instrument.measuringRange,
      accuracyClass: s.instrument.accuracyClass,
    },
    userUnit: { name: maskText(s.userUnit.name)!, address: maskText(s.userUnit.address) },
    institution: {
      name: s.institution.name,
      address: maskText(s.institution.address),
      contactPhone: maskPhone(s.institution.contactPhone),
      authorisationCertNo: s.institution.authorisationCertNo,
    },
    verifier: s.verifier,
    conclusion: maskText(s.conclusion),
    fileSha256: c.pdfSha256,
  };
}

/** `/i/{token}`: the instrument and its latest certificate's state (R-PUB-3), or null. */
export async function labelByToken(db: DB, token: string, today = chinaToday()): Promise<PublicLabel | null> {
  if (!PUBLIC_TOKEN.test(token)) return null;
  const st = statements(db);
  const [i] = await st.label.execute({ token });
  if (!i) return null;
  const [c] = await st.latest.execute({ instrumentId: i.id });
  return {
    instrument: { name: i.name, model: i.model, serialNo: i.serialNo, manufacturer: i.manufacturer, instrumentCode: i.instrumentCode, kindName: i.kindName },
    userUnit: maskText(i.userUnit)!,
    filed: i.filingStatus === "filed",
    institution: i.institutionName ? { name: i.institutionName, contactPhone: maskPhone(i.institutionPhone) } : null,
    latest: c ? { state: documentViewState(c, today), kind: c.kind, number: c.number, validUntil: c.validUntil, verifiedOn: c.verifiedOn, token: c.token } : null,
  };
}

/** Longest text the public search looks up; longer input is refused before any query. */
export const SEARCH_MAX = 64;

/**
 * The public search (R-PUB-2): an exact certificate number or an exact 器具编码, never a partial match.
 * Answers the page to open, or null.
 */
export async function publicSearch(db: DB, raw: string): Promise<string | null> {
  const q = raw.trim();
  if (!q || q.length > SEARCH_MAX) return null;
  const st = statements(db);
  const [c] = await st.byNumber.execute({ q });
  if (c) return `/v/${c.token}`;
  const [i] = await st.byCode.execute({ q });
  if (i?.token) return `/i/${i.token}`;
  return null;
}

