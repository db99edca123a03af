import { eq, inArray } from "drizzle-orm";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { DB } from "@/server/db/open";
import { catalogueKinds, catalogueVersions, instruments, organisations, users } from "@/server/db/schema";
import { DEMO_ORGS, DEMO_USERS } from "@/server/db/seed/demo";

export type DemoOrgKey = (typeof DEMO_ORGS)[number]["key"];
export type DemoAccount = (typeof DEMO_USERS)[number]["username"];

/** `instrument`: demo instrument ids by serial number (the ledger seed's "TZ-…" serials are unique per enterprise; keys are "<orgKey>:<serial>"). */
export type Fixtures = { org: Record<string, number>; user: Record<string, number>; instrument: Record<string, number>; kind: Record<string, number> };

/** Ids of the demo organisations (by their key in DEMO_ORGS) and users (by username). */
export async function loadFixtures(db: DB): Promise<Fixtures> {
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.name, DEMO_ORGS.map((o) => o.name)));
  const org = Object.fromEntries(DEMO_ORGS.map((o) => [o.key, orgs.find((r) => r.name === o.name)!.id]));
  const us = await db.select({ id: users.id, username: users.username }).from(users);
  const user = Object.fromEntries(us.map((u) => [u.username, u.id]));
  const orgKey = new Map(Object.entries(org).map(([k, v]) => [v, k]));
  const ins = await db.select({ id: instruments.id, serialNo: instruments.serialNo, enterpriseId: instruments.enterpriseId }).from(instruments);
  const instrument = Object.fromEntries(ins.map((i) => [`${orgKey.get(i.enterpriseId) ?? i.enterpriseId}:${i.serialNo}`, i.id]));
  const kinds = await db.select({ id: catalogueKinds.id, name: catalogueKinds.name }).from(catalogueKinds).innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId)).where(eq(catalogueVersions.isCurrent, true));
  const kind = Object.fromEntries(kinds.map((k) => [k.name, k.id]));
  return { org, user, instrument, kind };
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
