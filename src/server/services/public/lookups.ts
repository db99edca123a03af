import "server-only";
import { eq, sql, type Placeholder } from "drizzle-orm";
import { chinaToday, dayIn } from "@/lib/china-day";
import type { CertificateKind, CertificateState } from "@/lib/vocab";
import type { DB } from "@/server/db/open";
import { executeNamed } from "@/server/db/prepared";
import { readSession } from "@/server/db/replica";
import { catalogueKinds, certificates, instruments, organisations } from "@/server/db/schema";
import { documentViewState, type DocumentViewState } from "@/server/domain/certificates/public-state";
import { maskPhone, maskText } from "@/server/domain/public/mask";
import { publicWrites, type LimitVerdict } from "./rate-limit";

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

/** The certificate row a token opens, as one SELECT (at most one row). */
function certificateQuery(token: Placeholder) {
  return sql`select ${certificates.kind} as kind, ${certificates.number} as number, ${certificates.state} as state,
      ${certificates.issuedOn}::text as "issuedOn", ${certificates.verifiedOn}::text as "verifiedOn", ${certificates.validUntil}::text as "validUntil",
      (extract(epoch from ${certificates.revokedAt}) * 1000)::float8 as "revokedAtMs", ${certificates.snapshot} as snapshot,
      ${certificates.pdfSha256} as "pdfSha256"
    from ${certificates} where ${certificates.token} = ${token}`;
}
type CertificateRow = Pick<typeof certificates.$inferSelect, "kind" | "number" | "state" | "issuedOn" | "verifiedOn" | "validUntil" | "snapshot" | "pdfSha256"> & { revokedAtMs: number | null };

/** The instrument a label token opens with its latest certificate (a lateral join on certificates_instrument_idx). */
function labelQuery(token: Placeholder) {
  return sql`select ${instruments.name} as name, ${instruments.model} as model, ${instruments.serialNo} as "serialNo", ${instruments.manufacturer} as manufacturer,
      ${instruments.instrumentCode} as "instrumentCode", ${instruments.filingStatus} as "filingStatus", ${catalogueKinds.name} as "kindName",
      enterprise.name as "userUnit", institution.name as "institutionName", institution.contact_phone as "institutionPhone",
      latest.kind as "certKind", latest.number as "certNumber", latest.state as "certState", latest.valid_until::text as "certValidUntil",
      latest.verified_on::text as "certVerifiedOn", latest.token as "certToken"
    from ${instruments}
    join ${catalogueKinds} on ${catalogueKinds.id} = ${instruments.kindId}
    join ${organisations} enterprise on enterprise.id = ${instruments.enterpriseId}
    left join ${organisations} institution on institution.id = ${instruments.institutionId}
    left join lateral (
      select c.kind, c.number, c.state, c.valid_until, c.verified_on, c.token from ${certificates} c where c.instrument_id = ${instruments.id} order by c.id desc limit 1
    ) latest on true
    where ${instruments.labelToken} = ${token}`;
}
type LabelRow = {
  name: string;
  model: string;
  serialNo: string;
  manufacturer: string;
  instrumentCode: string | null;
  filingStatus: string;
  kindName: string;
  userUnit: string;
  institutionName: string | null;
  institutionPhone: string | null;
  certKind: CertificateKind | null;
  certNumber: string | null;
  certState: CertificateState | null;
  certValidUntil: string | null;
  certVerifiedOn: string | null;
  certToken: string | null;
};

/** The masked public view of a certificate row (R-SCOPE-5): only these fields leave the server. */
function publicCertificate(c: CertificateRow, today: string): PublicCertificate {
  const s = c.snapshot;
  return {
    state: documentViewState(c, today),
    kind: c.kind,
    number: c.number,
    issuedOn: c.issuedOn,
    verifiedOn: c.verifiedOn,
    validUntil: c.validUntil,
    revokedOn: c.revokedAtMs != null ? dayIn(new Date(Number(c.revokedAtMs))) : null,
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

/** The public view of a label row (R-PUB-3). */
function publicLabel(i: LabelRow, today: string): PublicLabel {
  const c = i.certKind && i.certState && i.certNumber && i.certVerifiedOn && i.certToken ? { kind: i.certKind, state: i.certState, number: i.certNumber, verifiedOn: i.certVerifiedOn, token: i.certToken } : null;
  return {
    instrument: { name: i.name, model: i.model, serialNo: i.serialNo, manufacturer: i.manufacturer, instrumentCode: i.instrumentCode, kindName: i.kindName },
    userUnit: maskText(i.userUnit)!,
    filed: i.filingStatus === "filed",
    institution: i.institutionName ? { name: i.institutionName, contactPhone: maskPhone(i.institutionPhone) } : null,
    latest: c ? { state: documentViewState({ ...c, validUntil: i.certValidUntil }, today), kind: c.kind, number: c.number, validUntil: i.certValidUntil, verifiedOn: c.verifiedOn, token: c.token } : null,
  };
}

/** A token worth looking up, or null (malformed tokens never reach an index). */
const lookable = (token: string) => (PUBLIC_TOKEN.test(token) ? token : null);

/** `/v/{token}`: the certificate, masked, or null for an unknown or malformed token (R-PUB-1). */
export async function certificateByToken(db: DB, token: string, today = chinaToday()): Promise<PublicCertificate | null> {
  if (!lookable(token)) return null;
  const [c] = await executeNamed<CertificateRow>(db, "public_certificate_by_token", () => certificateQuery(sql.placeholder("token")), { token });
  return c ? publicCertificate(c, today) : null;
}

/** `/i/{token}`: the instrument and its latest certificate's state (R-PUB-3), or null. */
export async function labelByToken(db: DB, token: string, today = chinaToday()): Promise<PublicLabel | null> {
  if (!lookable(token)) return null;
  const [i] = await executeNamed<LabelRow>(db, "public_label_by_token", () => labelQuery(sql.placeholder("token")), { token });
  return i ? publicLabel(i, today) : null;
}

/**
 * A rate-limited public lookup (issue 11 #7, #8): the client address's hit (counted in memory, flushed in the
 * background: PublicWrites), then, only if allowed, the lookup itself (one read-only prepared statement) and its
 * log row (buffered). A refused lookup is neither looked up nor logged.
 */
async function limited<T>(db: DB, kind: "certificate" | "label", token: string, ip: string | null, look: () => Promise<T | null>): Promise<{ verdict: LimitVerdict; found: T | null }> {
  const writes = publicWrites(db);
  const verdict = writes.hit(ip);
  if (!verdict.allowed) return { verdict, found: null };
  const found = await look();
  writes.log(kind, token, found != null, ip);
  return { verdict, found };
}

/**
 * What the `/v/` page serves: rate limit, the certificate, its log row (see limited). `read` is where the lookup
 * runs (the replica when there is one, src/server/db/replica.ts); the hit and the log go to `db`, the primary.
 */
export async function verifyCertificate(db: DB, token: string, ip: string | null, today = chinaToday(), read: DB = db): Promise<{ verdict: LimitVerdict; certificate: PublicCertificate | null }> {
  const { verdict, found } = await limited(db, "certificate", token, ip, () => certificateByToken(readSession(read), token, today));
  return { verdict, certificate: found };
}

/** What the `/i/` page serves: rate limit, the label with its latest certificate, its log row (see limited). */
export async function verifyLabel(db: DB, token: string, ip: string | null, today = chinaToday(), read: DB = db): Promise<{ verdict: LimitVerdict; label: PublicLabel | null }> {
  const { verdict, found } = await limited(db, "label", token, ip, () => labelByToken(readSession(read), token, today));
  return { verdict, label: found };
}

const prepared = new WeakMap<DB, ReturnType<typeof prepare>>();

/** The search's exact-match lookups as prepared statements, once per database (issue 11 #7). */
function prepare(db: DB) {
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
  return { byNumber, byCode };
}
function statements(db: DB) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
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

