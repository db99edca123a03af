import { eq, inArray } from "drizzle-orm";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { DB } from "@/server/db/open";
import { catalogueKinds, catalogueVersions, departments, filings, institutionClosedDays, institutionCapabilities, instruments, memberships, organisations, users } from "@/server/db/schema";
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
  return { org, user, instrument, kind, filing, capability, membership, department, closedDay };
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

/** The tRPC error code a call ends with, or "ok". */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ok";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}
