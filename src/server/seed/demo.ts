import "server-only";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import { SYSTEM_ACTOR, writeAudit } from "@/server/services/audit";
import type { DB, Tx } from "@/server/db/open";
import { memberships, organisations, users } from "@/server/db/schema";
import { seedFilingDemo } from "./filing-demo";
import { seedAccountsDemo } from "./accounts";
import { seedLedgerDemo } from "./ledger-demo";
import { seedAppointmentDemo } from "./appointment-demo";
import { seedAppointmentFlowDemo } from "./appointment-flow-demo";
import { seedForecastDemo } from "./forecast-demo";

/** Every demo account signs in with this password (README → 演示账号). */
export const DEMO_PASSWORD = "Demo@2026";

type OrgSeed = typeof organisations.$inferInsert & { key: string };
type UserSeed = { username: string; displayName: string; role: (typeof users.$inferInsert)["role"]; org: string | null };

const GD = { provinceCode: "44" };
const GZ = { ...GD, cityCode: "4401" };

export const DEMO_ORGS: OrgSeed[] = [
  { key: "platform", kind: "platform", name: "强检通平台运营中心（示例）", status: "approved" },
  { key: "gdRegulator", kind: "regulator", name: "广东省市场监督管理局（示例）", level: "province", regionCode: "44", ...GD, status: "approved", uscc: "11440000006940000J" },
  { key: "gzRegulator", kind: "regulator", name: "广州市市场监督管理局（示例）", level: "city", regionCode: "4401", ...GZ, status: "approved", uscc: "11440100MB2D00001J" },
  { key: "byRegulator", kind: "regulator", name: "广州市白云区市场监督管理局（示例）", level: "county", regionCode: "440111", ...GZ, countyCode: "440111", status: "approved", uscc: "11440111MB2D00002K" },
  { key: "gzInstitute", kind: "institution", institutionKind: "legal", name: "广州市计量检测技术研究院（示例）", code: "GZJL", level: "city", regionCode: "4401", ...GZ, status: "approved", uscc: "124401004550000013", address: "广州市天河区示例路 1 号", authorisationCertNo: "（粤）法计（2024）01001号", authorisationValidUntil: "2029-12-31" },
  { key: "byInstitute", kind: "institution", institutionKind: "legal", name: "广州市白云区计量检定所（示例）", code: "BYJL", level: "county", regionCode: "440111", ...GZ, countyCode: "440111", status: "approved", uscc: "124401114550000024", address: "广州市白云区示例大道 2 号", authorisationCertNo: "（粤）法计（2024）01002号", authorisationValidUntil: "2029-12-31" },
  { key: "authorisedInstitute", kind: "institution", institutionKind: "authorised", name: "广东示例计量检测有限公司（授权机构，示例）", code: "SLJC", level: "city", regionCode: "4401", ...GZ, countyCode: "440106", status: "approved", uscc: "91440101MA9D3M3012", address: "广州市天河区示例街 3 号", authorisationCertNo: "（粤）法计（2025）01003号", authorisationValidUntil: "2030-06-30" },
  { key: "stationEnterprise", kind: "enterprise", name: "广州示例加油站有限公司（示例）", regionCode: "440111", ...GZ, countyCode: "440111", status: "approved", uscc: "91440111MA59D3M10X", enterpriseType: "有限责任公司", address: "广州市白云区示例路 88 号", legalRepresentative: "张示例", contactPhone: "13800000001" },
  { key: "hospitalEnterprise", kind: "enterprise", name: "广州天河示例医院（示例）", regionCode: "440106", ...GZ, countyCode: "440106", status: "approved", uscc: "91440106MA5D3M201U", enterpriseType: "事业单位", address: "广州市天河区示例路 99 号", legalRepresentative: "李示例", contactPhone: "13800000002" },
];

export const DEMO_USERS: UserSeed[] = [
  { username: "admin", displayName: "平台管理员（示例）", role: "admin", org: "platform" },
  { username: "gdscjg", displayName: "省局计量处（示例）", role: "regulator", org: "gdRegulator" },
  { username: "gzscjg", displayName: "市局计量科（示例）", role: "regulator", org: "gzRegulator" },
  { username: "byscjg", displayName: "区局计量股（示例）", role: "regulator", org: "byRegulator" },
  { username: "gzjly", displayName: "市计量院业务室（示例）", role: "institution", org: "gzInstitute" },
  { username: "byjls", displayName: "区计量所业务室（示例）", role: "institution", org: "byInstitute" },
  { username: "sqjg", displayName: "授权机构业务部（示例）", role: "institution", org: "authorisedInstitute" },
  { username: "jyzqy", displayName: "加油站计量员（示例）", role: "enterprise", org: "stationEnterprise" },
  { username: "yyqy", displayName: "医院设备科（示例）", role: "enterprise", org: "hospitalEnterprise" },
];

/** What an area's demo seed gets: the transaction and the ids of the demo organisations and users. */
export type DemoContext = { tx: Tx; orgId: Record<string, number>; userId: Record<string, number> };
/** Each area (ledger, filings…) lists its demo seed here; they run in order inside the same transaction. */
const areaSeeds: ((ctx: DemoContext) => Promise<void>)[] = [seedAccountsDemo, seedLedgerDemo, seedFilingDemo, seedAppointmentDemo, seedAppointmentFlowDemo, seedForecastDemo];

/** Creates the demo organisations and accounts, once, on an empty database (no organisations yet). */
export async function seedDemo(db: DB) {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(organisations)) as [{ n: number }];
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const orgId: Record<string, number> = {};
    for (const { key, ...org } of DEMO_ORGS) {
      const [row] = await tx.insert(organisations).values(org).returning({ id: organisations.id });
      orgId[key] = row!.id;
    }
    const userId: Record<string, number> = {};
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          orgId: u.org ? orgId[u.org] : null,
          passwordHash,
        })
        .returning({ id: users.id });
      userId[u.username] = row!.id;
      if (u.org) {
        await tx.insert(memberships).values({ userId: row!.id, orgId: orgId[u.org]!, memberRole: "owner", status: "approved" });
      }
    }
    await writeAudit(tx, SYSTEM_ACTOR, { action: "demo.seed", entityType: "database", entityId: "demo", after: { orgs: DEMO_ORGS.length, users: DEMO_USERS.length } });
    for (const fn of areaSeeds) await fn({ tx, orgId, userId });
  });
  return true;
}
