import "server-only";
import { notices } from "@/server/db/schema";
import { sanitizeNoticeHtml } from "@/server/domain/notices/sanitize";
import { tableExists } from "./calendar";
import type { DemoContext } from "./demo";

/** 公示公告 demo (issue 12 item 4): two published notices (province, city) and one draft (county). */
export async function seedNoticeDemo({ tx, orgId, userId }: DemoContext) {
  if (!(await tableExists(tx, "notices"))) return;
  const day = (d: number) => new Date(Date.now() - d * 86_400_000);
  await tx.insert(notices).values([
    {
      regulatorId: orgId.gdRegulator!,
      regionCode: "44",
      provinceCode: "44",
      kind: "notice",
      title: "关于开展 2026 年度加油机计量专项监督检查的通知（示例）",
      bodyHtml: sanitizeNoticeHtml(
        "<p>各地级以上市市场监督管理局：</p><p>为维护加油站计量秩序，省局决定在全省开展燃油加油机计量专项监督检查，重点检查<strong>防作弊系统版本</strong>、编码器与监控微处理器的一致性。</p><ol><li>各使用单位应在强检通平台如实登记加油机信息；</li><li>超期未检的加油机应立即停止使用并申请检定。</li></ol>",
      ),
      state: "published",
      publishedAt: day(3),
      createdBy: userId.gdscjg ?? null,
    },
    {
      regulatorId: orgId.gzRegulator!,
      regionCode: "4401",
      provinceCode: "44",
      cityCode: "4401",
      kind: "publicity",
      title: "广州市 2026 年第三季度强制检定超期未检单位名单公示（示例）",
      bodyHtml: sanitizeNoticeHtml(
        "<p>根据强检通平台统计，以下使用单位存在超期未检的强制检定计量器具，现予公示：</p><table><thead><tr><th>单位名称</th><th>超期器具数</th></tr></thead><tbody><tr><td>广州示例加油站有限公司（示例）</td><td>2</td></tr></tbody></table><p>公示期：7 日。</p>",
      ),
      state: "published",
      publishedAt: day(1),
      createdBy: userId.gzscjg ?? null,
    },
    {
      regulatorId: orgId.byRegulator!,
      regionCode: "440111",
      provinceCode: "44",
      cityCode: "4401",
      countyCode: "440111",
      kind: "notice",
      title: "白云区医疗卫生计量器具检定提醒（草稿，示例）",
      bodyHtml: sanitizeNoticeHtml("<p>请辖区医疗机构按期申请血压计、心电图机等器具的强制检定。</p>"),
      state: "draft",
      createdBy: userId.byscjg ?? null,
    },
  ]);
}
