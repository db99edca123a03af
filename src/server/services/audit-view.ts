import "server-only";
import { eq, inArray } from "drizzle-orm";
import { AUDIT_ENTITY_LABEL, auditActionLabel, auditChanges, auditRefs, type AuditNames, type RefKind } from "@/lib/audit-words";
import type { Queryable } from "@/server/db/open";
import {
  catalogueItems,
  catalogueKinds,
  catalogueVersions,
  departments,
  filings,
  institutionCapabilities,
  instruments,
  ledgerImports,
  memberships,
  organisations,
  regions,
  users,
} from "@/server/db/schema";

type AuditRow = { action: string; entityType: string; entityId: string; before: unknown; after: unknown };

const ids = (values: string[]) => [...new Set(values.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))];
const instrumentName = (r: { name: string; serialNo: string }) => `${r.name}（出厂编号 ${r.serialNo}）`;

/** Names for the ids and codes of a page of audit rows (one query per kind, only for what the page holds). */
async function resolveRefs(db: Queryable, refs: { kind: RefKind; value: string }[]): Promise<AuditNames> {
  const of = (kind: RefKind) => refs.filter((r) => r.kind === kind).map((r) => r.value);
  const names: AuditNames = {};
  const put = (kind: RefKind, rows: { key: string | number; name: string }[]) => rows.forEach((r) => (names[`${kind}:${r.key}`] = r.name));
  const [org, ins, usr, dep, kind, reg] = [ids(of("org")), ids(of("instrument")), ids(of("user")), ids(of("department")), ids(of("kind")), of("region")];
  await Promise.all([
    org.length && db.select({ key: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, org)).then((r) => put("org", r)),
    ins.length &&
      db
        .select({ key: instruments.id, name: instruments.name, serialNo: instruments.serialNo })
        .from(instruments)
        .where(inArray(instruments.id, ins))
        .then((r) => put("instrument", r.map((x) => ({ key: x.key, name: instrumentName(x) })))),
    usr.length &&
      db
        .select({ key: users.id, name: users.displayName, username: users.username })
        .from(users)
        .where(inArray(users.id, usr))
        .then((r) => put("user", r.map((x) => ({ key: x.key, name: `${x.name}（${x.username}）` })))),
    dep.length && db.select({ key: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, dep)).then((r) => put("department", r)),
    kind.length &&
      db
        .select({ key: catalogueKinds.id, name: catalogueKinds.name, item: catalogueItems.name })
        .from(catalogueKinds)
        .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
        .where(inArray(catalogueKinds.id, kind))
        .then((r) => put("kind", r.map((x) => ({ key: x.key, name: `${x.item} / ${x.name}` })))),
    reg.length && db.select({ key: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, reg)).then((r) => put("region", r)),
  ]);
  return names;
}

/** What each audited object is called, by entity type and id ("instrument:12" → "燃油加油机（出厂编号 …）"). */
async function entityNames(db: Queryable, rows: AuditRow[]): Promise<Record<string, string>> {
  const of = (type: string) => ids(rows.filter((r) => r.entityType === type).map((r) => r.entityId));
  const out: Record<string, string> = {};
  const put = (type: string, list: { key: number; name: string }[]) => list.forEach((r) => (out[`${type}:${r.key}`] = r.name));
  const [ins, fil, org, usr, dep, mem, cap, ver, imp] = ["instrument", "filing", "organisation", "user", "department", "membership", "capability", "catalogue_version", "ledger_import"].map(of);
  await Promise.all([
    ins!.length && db.select({ key: instruments.id, name: instruments.name, serialNo: instruments.serialNo }).from(instruments).where(inArray(instruments.id, ins!)).then((r) => put("instrument", r.map((x) => ({ key: x.key, name: instrumentName(x) })))),
    fil!.length &&
      db
        .select({ key: filings.id, name: instruments.name, serialNo: instruments.serialNo })
        .from(filings)
        .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
        .where(inArray(filings.id, fil!))
        .then((r) => put("filing", r.map((x) => ({ key: x.key, name: instrumentName(x) })))),
    org!.length && db.select({ key: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, org!)).then((r) => put("organisation", r)),
    usr!.length && db.select({ key: users.id, name: users.displayName, u: users.username }).from(users).where(inArray(users.id, usr!)).then((r) => put("user", r.map((x) => ({ key: x.key, name: `${x.name}（${x.u}）` })))),
    dep!.length && db.select({ key: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, dep!)).then((r) => put("department", r)),
    mem!.length &&
      db
        .select({ key: memberships.id, name: users.displayName, org: organisations.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organisations, eq(organisations.id, memberships.orgId))
        .where(inArray(memberships.id, mem!))
        .then((r) => put("membership", r.map((x) => ({ key: x.key, name: `${x.name} · ${x.org}` })))),
    cap!.length &&
      db
        .select({ key: institutionCapabilities.id, kind: catalogueKinds.name, org: organisations.name })
        .from(institutionCapabilities)
        .innerJoin(catalogueKinds, eq(catalogueKinds.id, institutionCapabilities.kindId))
        .innerJoin(organisations, eq(organisations.id, institutionCapabilities.institutionId))
        .where(inArray(institutionCapabilities.id, cap!))
        .then((r) => put("capability", r.map((x) => ({ key: x.key, name: `${x.org} · ${x.kind}` })))),
    ver!.length && db.select({ key: catalogueVersions.id, name: catalogueVersions.name }).from(catalogueVersions).where(inArray(catalogueVersions.id, ver!)).then((r) => put("catalogue_version", r)),
    imp!.length && db.select({ key: ledgerImports.id, name: ledgerImports.fileName }).from(ledgerImports).where(inArray(ledgerImports.id, imp!)).then((r) => put("ledger_import", r)),
  ]);
  return out;
}

/**
 * Audit rows as people read them (issue 9 #16): Chinese action and object names, and before/after as field
 * changes with names for ids — for the admin audit log and an instrument's 历史记录.
 */
export async function describeAuditRows<T extends AuditRow>(db: Queryable, rows: T[]) {
  const [names, entities] = await Promise.all([resolveRefs(db, auditRefs(rows.flatMap((r) => [r.before, r.after]))), entityNames(db, rows)]);
  return rows.map((r) => ({
    ...r,
    actionLabel: auditActionLabel(r.action),
    entityLabel: AUDIT_ENTITY_LABEL[r.entityType] ?? "其他",
    entityName: entities[`${r.entityType}:${r.entityId}`] ?? (r.entityType === "database" ? "演示数据" : null),
    changes: auditChanges(r.before, r.after, names),
  }));
}
