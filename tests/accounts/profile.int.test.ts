import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { auditLog, users } from "@/server/db/schema";
import { openTestDb } from "../helpers/db";
import { callerAs, outcome } from "../helpers/fixtures";

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(() => database?.close());

describe("profile.updateContact goes through a service with its audit row (issue 8 step 2)", () => {
  it("issue 8 #2 a contact change writes user.update_contact with before and after in the same transaction", async () => {
    const db = database.db;
    const [before] = await db.select().from(users).where(eq(users.username, "yyqy"));
    const me = await callerAs(db, "yyqy", "10.8.8.8");
    await me.profile.updateContact({ displayName: "设备科王工", phone: "13700000088", email: "wang@example.cn" });
    const [after] = await db.select().from(users).where(eq(users.id, before!.id));
    expect(after).toMatchObject({ displayName: "设备科王工", phone: "13700000088", email: "wang@example.cn" });
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.update_contact"), eq(auditLog.entityId, String(before!.id))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({
      actorUserId: before!.id,
      ip: "10.8.8.8",
      before: { displayName: before!.displayName, phone: before!.phone, email: before!.email },
      after: { displayName: "设备科王工", phone: "13700000088", email: "wang@example.cn" },
    });
  });

  it("issue 8 #2 bad contact input gets a Chinese error and changes nothing (no row, no audit)", async () => {
    const db = database.db;
    const [before] = await db.select().from(users).where(eq(users.username, "byjls"));
    const me = await callerAs(db, "byjls");
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "user.update_contact"));
    expect(await outcome(() => me.profile.updateContact({ displayName: "某", phone: "123", email: "" }))).toBe("BAD_REQUEST");
    const [after] = await db.select().from(users).where(eq(users.id, before!.id));
    expect(after).toEqual(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "user.update_contact"))).toHaveLength(audits.length);
  });
});
