import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { memberRole, membershipStatus, userRole } from "./enums";
import { organisations } from "./organisations";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-case; sign-in is case-insensitive. */
    username: text("username").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    role: userRole("role").notNull(),
    orgId: ref("org_id").references(() => organisations.id),
    phone: text("phone"),
    email: text("email"),
    /** Personal users: resident ID number (GB 11643, R-ACC-1) and home region code (seed 004 2.2). */
    idNumber: text("id_number"),
    regionCode: text("region_code"),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Bumped on sign-out, password change and disabling: every older session token stops working. */
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username), index("users_org_idx").on(t.orgId)],
);

/** Links users to organisations: owners manage members; personal users apply to join (seed 004 2.5). */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id),
    orgId: ref("org_id")
      .notNull()
      .references(() => organisations.id),
    memberRole: memberRole("member_role").notNull().default("member"),
    status: membershipStatus("status").notNull().default("pending"),
    decidedBy: ref("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_uq").on(t.userId, t.orgId),
    index("memberships_org_status_idx").on(t.orgId, t.status),
  ],
);

/** Every sign-in attempt (R-ACC-2), kept for audit and abuse analysis. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    username: text("username").notNull(),
    userId: ref("user_id"),
    ip: text("ip"),
    success: boolean("success").notNull(),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_user_at_idx").on(t.userId, t.at), index("login_attempts_at_idx").on(t.at)],
);
