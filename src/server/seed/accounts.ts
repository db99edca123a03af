import "server-only";
import { eq } from "drizzle-orm";
import { departments, memberships, organisations, users } from "@/server/db/schema";
import type { DemoContext } from "./demo";

/**
 * Accounts demo (issue 3): one pending registration of each kind to review, plus a personal user asking to
 * join the petrol station. Password Demo@2026 like every demo account. Kept out of DEMO_USERS on purpose:
 * they cannot act until reviewed, so the policy sweep over DEMO_USERS does not apply to them.
 */
export const PENDING_DEMO_USERS = [
  { username: "hzcyqy", displayName: "海珠餐饮计量员（示例）", role: "enterprise", org: "pendingEnterprise", reviewer: "gzjly 或 admin" },
  { username: "fsjly", displayName: "佛山计量院业务室（示例）", role: "institution", org: "pendingInstitution", reviewer: "admin" },
  { username: "thscjg", displayName: "天河区局计量股（示例）", role: "regulator", org: "pendingRegulator", reviewer: "admin" },
  { username: "grlw", displayName: "刘示例", role: "personal", org: null, reviewer: "jyzqy（申请加入加油站）" },
] as const;

export const PENDING_ORGS: (typeof organisations.$inferInsert & { key: string })[] = [
  {
    key: "pendingEnterprise",
    kind: "enterprise",
    name: "广州海珠示例餐饮有限公司（示例，待审核）",
    uscc: "91440105MA5AAAAA01",
    regionCode: "440105",
    provinceCode: "44",
    cityCode: "4401",
    countyCode: "440105",
    enterpriseType: "有限责任公司",
    address: "广州市海珠区示例路 5 号",
    legalRepresentative: "陈示例",
    legalRepresentativeIdNo: "440106199001011235",
    contactPhone: "13800000011",
    status: "pending",
  },
  {
    key: "pendingInstitution",
    kind: "institution",
    institutionKind: "legal",
    level: "city",
    name: "佛山市计量检测研究院（示例，待审核）",
    uscc: "12440100MA5BBBBB06",
    regionCode: "4406",
    provinceCode: "44",
    cityCode: "4406",
    address: "佛山市禅城区示例路 6 号",
    authorisationCertNo: "（粤）法计（2025）06001号",
    authorisationValidUntil: "2030-12-31",
    contactPhone: "13800000012",
    status: "pending",
  },
  {
    key: "pendingRegulator",
    kind: "regulator",
    level: "county",
    name: "广州市天河区市场监督管理局（示例，待审核）",
    uscc: "11440300MA5CCCCC0U",
    regionCode: "440106",
    provinceCode: "44",
    cityCode: "4401",
    countyCode: "440106",
    address: "广州市天河区示例路 7 号",
    contactPhone: "13800000013",
    status: "pending",
  },
];

/** Phones of the demo accounts, so that 找回密码 (R-ACC-4) can be tried with them (codes in /admin/outbox). */
export const DEMO_PHONES: Record<string, string> = {
  admin: "13800000100",
  gdscjg: "13800000101",
  gzscjg: "13800000102",
  byscjg: "13800000103",
  gzjly: "13800000104",
  byjls: "13800000105",
  sqjg: "13800000106",
  jyzqy: "13800000001",
  yyqy: "13800000002",
};

export async function seedAccountsDemo({ tx, orgId, userId }: DemoContext) {
  for (const [username, phone] of Object.entries(DEMO_PHONES)) {
    if (userId[username]) await tx.update(users).set({ phone }).where(eq(users.id, userId[username]));
  }
  const [{ passwordHash }] = (await tx.select({ passwordHash: users.passwordHash }).from(users).limit(1)) as [{ passwordHash: string }];
  const now = new Date();
  for (const { key, ...org } of PENDING_ORGS) {
    const [row] = await tx.insert(organisations).values({ ...org, submittedAt: now }).returning({ id: organisations.id });
    orgId[key] = row!.id;
  }
  for (const u of PENDING_DEMO_USERS) {
    const [row] = await tx
      .insert(users)
      .values({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        orgId: u.org ? orgId[u.org] : null,
        passwordHash,
        phone: u.role === "personal" ? "13800000014" : null,
        idNumber: u.role === "personal" ? "440111198506152347" : null,
        regionCode: u.role === "personal" ? "440111" : null,
      })
      .returning({ id: users.id });
    if (u.org) await tx.insert(memberships).values({ userId: row!.id, orgId: orgId[u.org]!, memberRole: "owner", status: "approved" });
    else await tx.insert(memberships).values({ userId: row!.id, orgId: orgId.stationEnterprise!, memberRole: "member", status: "pending" });
  }
  await tx.insert(departments).values(DEMO_DEPARTMENTS.map((name) => ({ orgId: orgId.stationEnterprise!, name })));
}

/** Departments of the petrol station (seed 003: names of at most 8 characters). */
export const DEMO_DEPARTMENTS = ["加油作业区", "设备管理部"] as const;
