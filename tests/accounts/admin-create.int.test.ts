import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { verifyPassword } from "@/server/auth/password";
import { openDb, type Database } from "@/server/db/open";
import { auditLog, users } from "@/server/db/schema";
import { createAdministrator } from "@/server/services/accounts/create-administrator";
import { openEmptyTestDb } from "../helpers/db";

let database: Database;
beforeAll(async () => {
  database = await openEmptyTestDb();
});
afterAll(async () => {
  await database?.close();
});

describe("issue 9 item 3: the first administrator of a real deployment (npm run admin:create)", () => {
  it("R-ACC-2 a missing or weak password is refused and nothing is written", async () => {
    for (const password of ["", "demo2026", "DEMO2026X", "Short1a", "Has Space1A"]) {
      await expect(createAdministrator(database.db, { username: "root1", password })).rejects.toMatchObject({ appCode: "BAD_INPUT" });
    }
    expect(await database.db.select().from(users)).toEqual([]);
  });

  it("a good password creates an admin (argon2id hash, audit row); the same name twice is refused", async () => {
    const made = await createAdministrator(database.db, { username: "Root1", password: "Strong@2099x" });
    const [u] = await database.db.select().from(users).where(eq(users.id, made.id));
    expect(u).toMatchObject({ username: "root1", role: "admin", active: true });
    expect(u!.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(u!.passwordHash, "Strong@2099x")).toBe(true);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, String(made.id))));
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
    await expect(createAdministrator(database.db, { username: "root1", password: "Strong@2099x" })).rejects.toMatchObject({ appCode: "USERNAME_TAKEN" });
  });

  it("R-SEC-3 the CLI refuses a missing or weak password and creates the admin with a good one", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-admin-"));
    const run = (args: string[], env: Record<string, string>) =>
      spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/admin-create.ts", ...args], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir, ADMIN_PASSWORD: "", ...env },
        input: "",
        encoding: "utf8",
      });
    try {
      const missing = run(["boss1"], {});
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("ADMIN_PASSWORD");
      const weak = run(["boss1"], { ADMIN_PASSWORD: "password" });
      expect(weak.status).toBe(1);
      expect(weak.stderr).toContain("密码须包含数字");
      const ok = run(["boss1"], { ADMIN_PASSWORD: "Strong@2099x" });
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain("已创建平台管理员 boss1");
      const check = await openDb({ dataDir: dir });
      try {
        const rows = await check.db.select({ username: users.username, role: users.role }).from(users);
        expect(rows).toEqual([{ username: "boss1", role: "admin" }]);
      } finally {
        await check.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
