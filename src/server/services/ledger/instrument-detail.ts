import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import { type Scope, locatedRecordScope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { auditLog, catalogueItems, catalogueKinds, departments, files, instrumentAttachments, instruments, organisations, users } from "@/server/db/schema";
import { allowedActions } from "@/server/domain/ledger/lifecycle";
import { warningOf } from "@/server/domain/ledger/warning";
import { notFound } from "@/server/errors";
import { describeAuditRows } from "@/server/services/audit-view";
import { alias } from "drizzle-orm/pg-core";

const institution = alias(organisations, "institution");

/** One instrument with everything the details page shows: fields, attachments and its full history. */
export async function instrumentDetail(db: Queryable, scope: Scope, id: number) {
  const [row] = await db
    .select({
      instrument: instruments,
      kindName: catalogueKinds.name,
      itemName: catalogueItems.name,
      supervision: catalogueKinds.supervision,
      kindPurposes: catalogueKinds.purposes,
      departmentName: departments.name,
      enterpriseName: organisations.name,
      // 检定机构 (SPEC §5): the institution the instrument is filed with, or assigned to while a filing is open.
      institutionName: institution.name,
    })
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
    .innerJoin(organisations, eq(organisations.id, instruments.enterpriseId))
    .leftJoin(departments, eq(departments.id, instruments.departmentId))
    .leftJoin(institution, eq(institution.id, instruments.institutionId))
    .where(and(eq(instruments.id, id), locatedRecordScope(scope, instruments)))
    .limit(1);
  if (!row) throw notFound();
  const { manufacturerNorm: _m, serialNorm: _s, ...instrument } = row.instrument;
  const [attachments, history, regionNames] = await Promise.all([
    db
      .select({ id: instrumentAttachments.id, slot: instrumentAttachments.slot, size: instrumentAttachments.size, createdAt: instrumentAttachments.createdAt, name: files.originalName, ext: files.ext })
      .from(instrumentAttachments)
      .innerJoin(files, eq(files.id, instrumentAttachments.fileId))
      .where(eq(instrumentAttachments.instrumentId, id))
      .orderBy(instrumentAttachments.id),
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        actorName: users.displayName,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.entityType, "instrument"), eq(auditLog.entityId, String(id))))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(200)
      .then((rows) => describeAuditRows(db, rows)),
    db.execute<{ name: string }>(sql`select name from regions where code in (${instrument.provinceCode}, ${instrument.cityCode}, ${instrument.countyCode}) order by length(code)`),
  ]);
  const names = rowsOf<{ name: string }>(regionNames);
  const isOwner = scope.kind === "enterprise";
  return {
    ...instrument,
    kindName: row.kindName,
    itemName: row.itemName,
    supervision: row.supervision,
    kindPurposes: row.kindPurposes,
    departmentName: row.departmentName,
    enterpriseName: row.enterpriseName,
    institutionName: instrument.filingStatus === "none" || instrument.filingStatus === "returned" ? null : row.institutionName,
    regionName: names.map((n) => n.name).join(" / "),
    warning: warningOf(instrument.validUntil, chinaToday()),
    actions: isOwner ? allowedActions(instrument) : [],
    attachments,
    history,
  };
}
