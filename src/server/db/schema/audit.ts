import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, ref } from "./_columns";

/** Who did what to which record, with before/after, written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: ref("actor_user_id"),
    actorOrgId: ref("actor_org_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_at_idx").on(t.at),
    index("audit_actor_org_idx").on(t.actorOrgId, t.at),
  ],
);
