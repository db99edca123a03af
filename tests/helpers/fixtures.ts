import { eq, inArray } from "drizzle-orm";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { DB } from "@/server/db/open";
import {
  appointmentItems, appointments, appointmentSlots, catalogueKinds, catalogueVersions, certificates, departments, filings, institutionClosedDays, institutionCapabilities, instruments, memberships, notices, organisations, results, users,
} from "@/server/db/schema";
import { seedAppointmentChain } from "@/server/seed/appointment-chain";
import { PENDING_ORGS } from "@/server/seed/accounts";
import { DEMO_ORGS, DEMO_USERS } from "@/server/seed/demo";

export type DemoOrgKey = (typeof DEMO_ORGS)[number]["key"];
export type DemoAccount = (typeof DEMO_USERS)[number]["username"];

export type Fixtures = {
  org: Record<string, number>;
  user: Record<string, number>;
  /**
   * Demo instruments by serial number ("BA-…" of the filing seed) and by "<orgKey>:<serial>" (the ledger
   * seed's "TZ-…" serials are unique per enterprise only).
   */
  instrument: Record<string, number>;
  /** Current catalogue kind ids by name. */
  kind: Record<string, number>;
  /** Latest filing of each demo instrument, by the instrument's serial number. */
  filing: Record<string, number>;
  /** One capability row id per demo institution key. */
  capability: Record<string, number>;
  /** Membership ids by the member's username (accounts demo: grlw's pending request to the petrol station). */
  membership: Record<string, number>;
  /** Department ids by name (accounts demo: the petrol station's departments). */
  department: Record<string, number>;
  /** Issue 10 #1: the first closed day of each demo institution, by its key. */
  closedDay: Record<string, number>;
  /** Issue 12 (regwork): demo notices by their regulator's region code ("44" published, "4401" published, "440111" draft). */
  notice: Record<string, number>;
  /** The foreign records, once a test file has called `seedForeign`. */
  foreign?: Foreign;
  /**
   * Issue 10 demo chain (src/server/seed/appointment-flow-demo.ts), each by the serial of an instrument in it
   * ("YY-0001" submitted, "YY-0002" rejected, "YY-0003" draft, "YY-0004"/"YY-0005" confirmed on-site,
   * "YY-0101"/"YY-0102" confirmed send-in, "YY-0103"/"YY-0104" received, "YY-0006", "YY-0105"…"YY-0107" completed):
   * the appointment, the instrument's item in it, its result and its live certificate or fail notice.
   */
  appointment: Record<string, number>;
  appointmentItem: Record<string, number>;
  result: Record<string, number>;
  certificate: Record<string, number>;
  /** Certificate tokens by instrument serial (the `/v/{token}` of R-PUB-1). */
  certificateToken: Record<string, string>;
  /** Issue 10 reception: appointment numbers (R-APT-3) by the serial of an instrument in it. */
  appointmentNumber: Record<string, string>;
};

/** Ids of the demo organisations (by their key in DEMO_ORGS) and users (by username). */
export async function loadFixtures(db: DB): Promise<Fixtures> {
  const all = [...DEMO_ORGS, ...PENDING_ORGS];
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.name, all.map((o) => o.name)));
  const org = Object.fromEntries(all.map((o) => [o.key, orgs.find((r) => r.name === o.name)!.id]));
  const us = await db.select({ id: users.id, username: users.username }).from(users);
  const user = Object.fromEntries(us.map((u) => [u.username, u.id]));
  const orgKey = new Map(Object.entries(org).map(([k, v]) => [v, k]));
  const inst = await db.select({ id: instruments.id, serialNo: instruments.serialNo, enterpriseId: instruments.enterpriseId }).from(instruments);
  const instrument = Object.fromEntries(
    inst.flatMap((i) => [
      [i.serialNo, i.id],
      [`${orgKey.get(i.enterpriseId) ?? i.enterpriseId}:${i.serialNo}`, i.id],
    ]),
  );
  const kinds = await db.select({ id: catalogueKinds.id, name: catalogueKinds.name }).from(catalogueKinds).innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId)).where(eq(catalogueVersions.isCurrent, true));
  const kind = Object.fromEntries(kinds.map((k) => [k.name, k.id]));
  const fs = await db.select({ id: filings.id, instrumentId: filings.instrumentId }).from(filings).orderBy(filings.id);
  const serialOf = new Map(inst.map((i) => [i.id, i.serialNo]));
  const filing = Object.fromEntries(fs.map((f) => [serialOf.get(f.instrumentId)!, f.id]));
  const caps = await db.select({ id: institutionCapabilities.id, orgId: institutionCapabilities.institutionId }).from(institutionCapabilities).orderBy(institutionCapabilities.id);
  const capability = Object.fromEntries(
    Object.entries(org).flatMap(([key, id]) => {
      const c = caps.find((x) => x.orgId === id);
      return c ? [[key, c.id]] : [];
    }),
  );
  const ms = await db.select({ id: memberships.id, userId: memberships.userId, role: memberships.memberRole }).from(memberships);
  const membership = Object.fromEntries(
    us.flatMap((u) => ms.filter((m) => m.userId === u.id && m.role === "member").map((m) => [u.username, m.id] as const)),
  );
  const deps = await db.select({ id: departments.id, name: departments.name }).from(departments);
  const department = Object.fromEntries(deps.map((d) => [d.name, d.id]));
  const closed = await db.select({ id: institutionClosedDays.id, orgId: institutionClosedDays.institutionId }).from(institutionClosedDays).orderBy(institutionClosedDays.id);
  const closedDay = Object.fromEntries(Object.entries(org).flatMap(([key, id]) => closed.filter((c) => c.orgId === id).slice(0, 1).map((c) => [key, c.id] as const)));
  const its = await db.select({ id: appointmentItems.id, appointmentId: appointmentItems.appointmentId, instrumentId: appointmentItems.instrumentId }).from(appointmentItems).orderBy(appointmentItems.id);
  const appointment = Object.fromEntries(its.map((i) => [serialOf.get(i.instrumentId)!, i.appointmentId]));
  const appointmentItem = Object.fromEntries(its.map((i) => [serialOf.get(i.instrumentId)!, i.id]));
  const rs = await db.select({ id: results.id, instrumentId: results.instrumentId }).from(results).orderBy(results.id);
  const result = Object.fromEntries(rs.map((r) => [serialOf.get(r.instrumentId)!, r.id]));
  const cs = await db.select({ id: certificates.id, instrumentId: certificates.instrumentId, token: certificates.token }).from(certificates).where(eq(certificates.state, "issued")).orderBy(certificates.id);
  const certificate = Object.fromEntries(cs.map((c) => [serialOf.get(c.instrumentId)!, c.id]));
  const certificateToken = Object.fromEntries(cs.map((c) => [serialOf.get(c.instrumentId)!, c.token]));
  // Issue 12 (regwork): demo notices.
  const ns = await db.select({ id: notices.id, regionCode: notices.regionCode }).from(notices).orderBy(notices.id);
  const notice = Object.fromEntries(ns.map((n) => [n.regionCode, n.id]));
  const numbers = new Map((await db.select({ id: appointments.id, number: appointments.number }).from(appointments)).map((a) => [a.id, a.number]));
  const appointmentNumber = Object.fromEntries(Object.entries(appointment).flatMap(([serial, id]) => (numbers.get(id) ? [[serial, numbers.get(id)!] as const] : [])));
  return { org, user, instrument, kind, filing, capability, membership, department, closedDay, appointment, appointmentItem, result, certificate, certificateToken, notice, appointmentNumber };
}

/** A tRPC caller acting as a demo account (by username), or anonymous (null). */
export async function callerAs(db: DB, username: string | null, ip = "127.0.0.1") {
  let userId: number | null = null;
  if (username) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (!u) throw new Error(`no demo user ${username}`);
    userId = u.id;
  }
  return createCaller(await createContext({ db, userId, sessionVersion: null, ip }));
}

/**
 * The tRPC error code a call ends with, or "ok". Anything else (an internal error, a plain exception) comes
 * back as "INTERNAL_SERVER_ERROR: <message>", which no policy entry expects, so it fails the matrix.
 */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ok";
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code && code !== "INTERNAL_SERVER_ERROR" ? code : `INTERNAL_SERVER_ERROR: ${(err as Error).message ?? String(err)}`;
  }
}

/** Foreign records (seedForeign): out of scope for every demo account but the administrator. */
export type Foreign = {
  org: { enterprise: number; institute: number; countyInstitute: number; pendingEnterprise: number };
  user: { enterprise: string; institute: string; countyInstitute: string; person: string };
  /** Instruments of the foreign enterprise: filed (valid, due soon), pending review, assigned, never filed. */
  instrument: { filed: number; pending: number; assigned: number; unfiled: number; booked: number; received: number; done: number };
  filing: { filed: number; pending: number; assigned: number };
  membership: number;
  department: number;
  capability: number;
  /**
   * Issue 10: appointments of the foreign enterprise with the foreign institute — confirmed (HN-BOOKED),
   * received (HN-RECEIVED) and completed with a certificate (HN-DONE) — with the received item, the result
   * and the certificate (and its token).
   */
  appointment: { confirmed: number; received: number; completed: number };
  /** Issue 10 reception: the numbers of those appointments. */
  appointmentNumber: { confirmed: string; received: string; completed: string };
  appointmentItem: { booked: number; received: number };
  result: number;
  certificate: number;
  certificateToken: string;
  /** A text that only foreign rows carry: no demo caller's answer may contain it. */
  marker: string;
};

const FOREIGN_MARKER = "外地哨兵";
/** 长沙市 / 芙蓉区 (Hunan): outside Guangdong, so outside every demo organisation's region. */
const HN = { provinceCode: "43", cityCode: "4301", countyCode: "430102" };

/**
 * Seeds a complete set of records in another province (an enterprise with instruments, filings in every
 * state, a department and a join request; a city and a county institution with a capability; a pending
 * registration), owned and reviewed by foreign organisations. R-SCOPE tests call every list as every demo
 * account with these present and require that none of them shows up (and no count moves).
 */
export async function seedForeign(db: DB, fx: Fixtures): Promise<Foreign> {
  const org = async (v: typeof organisations.$inferInsert) => (await db.insert(organisations).values(v).returning({ id: organisations.id }))[0]!.id;
  const enterprise = await org({ kind: "enterprise", name: `长沙示例企业（${FOREIGN_MARKER}）`, regionCode: HN.countyCode, ...HN, status: "approved", uscc: "91430102MA4L000001" });
  const institute = await org({ kind: "institution", institutionKind: "legal", level: "city", name: `长沙市计量院（${FOREIGN_MARKER}）`, regionCode: HN.cityCode, provinceCode: HN.provinceCode, cityCode: HN.cityCode, status: "approved", uscc: "124301004550000099" });
  const countyInstitute = await org({ kind: "institution", institutionKind: "legal", level: "county", name: `芙蓉区计量所（${FOREIGN_MARKER}）`, regionCode: HN.countyCode, ...HN, status: "approved", uscc: "124301024550000098" });
  const pendingEnterprise = await org({ kind: "enterprise", name: `长沙待审企业（${FOREIGN_MARKER}）`, regionCode: HN.countyCode, ...HN, status: "pending", uscc: "91430102MA4L000002", submittedAt: new Date() });

  const user = async (username: string, role: (typeof users.$inferInsert)["role"], orgId: number | null) => {
    const [u] = await db.insert(users).values({ username, displayName: `${FOREIGN_MARKER}${username}`, role, orgId, passwordHash: "x" }).returning({ id: users.id });
    if (orgId) await db.insert(memberships).values({ userId: u!.id, orgId, memberRole: "owner", status: "approved" });
    return u!.id;
  };
  await user("foreign_ent", "enterprise", enterprise);
  await user("foreign_inst", "institution", institute);
  await user("foreign_county", "institution", countyInstitute);
  await user("foreign_pending", "enterprise", pendingEnterprise);
  const personId = await user("foreign_person", "personal", null);
  const [m] = await db.insert(memberships).values({ userId: personId, orgId: enterprise, memberRole: "member", status: "pending" }).returning({ id: memberships.id });
  const [d] = await db.insert(departments).values({ orgId: enterprise, name: `外地部门${FOREIGN_MARKER}` }).returning({ id: departments.id });
  const kindId = fx.kind["燃油加油机"]!;
  const [c] = await db.insert(institutionCapabilities).values({ institutionId: institute, kindId, method: "on_site", rangeNote: FOREIGN_MARKER }).returning({ id: institutionCapabilities.id });

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const instrument = async (serialNo: string, v: Partial<typeof instruments.$inferInsert>) =>
    (
      await db
        .insert(instruments)
        .values({
          enterpriseId: enterprise, name: `加油机${FOREIGN_MARKER}`, model: "HN-1", serialNo, manufacturer: `长沙${FOREIGN_MARKER}厂`, installLocation: "1号岛",
          ...HN, status: "in_use", purpose: "trade", method: "on_site", kindId, departmentId: d!.id, tags: [FOREIGN_MARKER],
          manufacturerNorm: `长沙${FOREIGN_MARKER}厂`, serialNorm: serialNo.toLowerCase(), ...v,
        })
        .returning({ id: instruments.id })
    )[0]!.id;
  const filed = await instrument("HN-FILED", { filingStatus: "filed", institutionId: institute, instrumentCode: "430102000000000001", filingApprovedOn: day(-300), validUntil: day(10), certificateNo: "HN0001" });
  const pending = await instrument("HN-PENDING", { filingStatus: "pending", institutionId: institute });
  const assigned = await instrument("HN-ASSIGNED", { filingStatus: "assigned", institutionId: countyInstitute });
  const unfiled = await instrument("HN-UNFILED", {});
  const booked = await instrument("HN-BOOKED", { filingStatus: "filed", institutionId: institute, instrumentCode: "430102000000000002", filingApprovedOn: day(-20) });
  const done = await instrument("HN-DONE", { filingStatus: "filed", institutionId: institute, instrumentCode: "430102000000000004", filingApprovedOn: day(-60) });
  const receivedInstrument = await instrument("HN-RECEIVED", { filingStatus: "filed", institutionId: institute, instrumentCode: "430102000000000003", filingApprovedOn: day(-20) });
  await db.insert(appointmentSlots).values({ institutionId: institute, label: `上午${FOREIGN_MARKER}`, startTime: "08:30", endTime: "12:00", capacitySendIn: 50, capacityOnSite: 20 });
  const chain = (instrumentIds: number[], state: "confirmed" | "received" | "completed", offset: number) =>
    db.transaction((tx) => seedAppointmentChain(tx, { enterpriseId: enterprise, institutionId: institute, method: "on_site", instrumentIds, state, day: day(offset) }));
  const confirmedChain = await chain([booked], "confirmed", 5);
  const receivedChain = await chain([receivedInstrument], "received", -1);
  const completedChain = await chain([done], "completed", -30);
  const [cert] = await db.select({ id: certificates.id, token: certificates.token }).from(certificates).where(eq(certificates.id, completedChain.certificateIds[0]!));
  const filing = async (instrumentId: number, v: Partial<typeof filings.$inferInsert>) =>
    (await db.insert(filings).values({ instrumentId, enterpriseId: enterprise, institutionId: institute, ...v }).returning({ id: filings.id }))[0]!.id;
  return {
    org: { enterprise, institute, countyInstitute, pendingEnterprise },
    user: { enterprise: "foreign_ent", institute: "foreign_inst", countyInstitute: "foreign_county", person: "foreign_person" },
    instrument: { filed, pending, assigned, unfiled, booked, received: receivedInstrument, done },
    filing: {
      filed: await filing(filed, { state: "filed", decidedAt: new Date(), instrumentCode: "430102000000000001" }),
      pending: await filing(pending, { state: "pending" }),
      assigned: await filing(assigned, { state: "assigned", assignedInstitutionId: countyInstitute }),
    },
    membership: m!.id,
    department: d!.id,
    capability: c!.id,
    appointment: { confirmed: confirmedChain.appointmentId, received: receivedChain.appointmentId, completed: completedChain.appointmentId },
    appointmentNumber: { confirmed: confirmedChain.number!, received: receivedChain.number!, completed: completedChain.number! },
    appointmentItem: { booked: confirmedChain.itemIds[0]!, received: receivedChain.itemIds[0]! },
    result: completedChain.resultIds[0]!,
    certificate: cert!.id,
    certificateToken: cert!.token,
    marker: FOREIGN_MARKER,
  };
}
