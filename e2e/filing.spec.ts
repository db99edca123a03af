import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { pickRegion } from "./fixtures/select";
import { shot } from "./fixtures/shots";

const CITY = /广州市计量检测技术研究院/;
const COUNTY = /广州市白云区计量检定所/;

async function openMenu(page: Page, label: string) {
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: label }).click();
}
async function select(page: Page, serial: string) {
  await page.getByRole("checkbox", { name: `选择 ${serial}` }).click();
}

test("R-FIL-1…3 R-FIL-6 the filing loop: submit three, approve, assign (county confirms), return, resubmit; 无能力 goes back to the city", async ({ page }) => {
  // Enterprise files three pumps with the city institute (the county one is recommended).
  await signInAs(page, "jyzqy");
  await openMenu(page, "备案管理");
  for (const s of ["BA-0008", "BA-0009", "BA-0010"]) await select(page, s);
  await page.getByRole("button", { name: /申请备案/ }).click();
  for (const s of ["BA-0008", "BA-0009", "BA-0010"]) {
    const trigger = page.getByRole("combobox", { name: `${s} 的备案机构` });
    await expect(trigger).toContainText("推荐");
    await trigger.click();
    await page.getByRole("option", { name: CITY }).click();
  }
  await page.getByRole("button", { name: /提交备案（3 台）/ }).click();
  await expect(page.getByText("已提交 3 台器具的备案")).toBeVisible();

  // City institute: approve one, assign one to the county, return one.
  await signInAs(page, "gzjly");
  await openMenu(page, "备案审核");
  await expect(page.getByTestId("queue-row-BA-0010")).toBeVisible();
  await select(page, "BA-0008");
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByText("已审核通过 1 条")).toBeVisible();
  await expect(page.getByTestId("queue-row-BA-0008")).toHaveCount(0);

  await select(page, "BA-0009");
  await page.getByRole("button", { name: "分派" }).click();
  await page.getByRole("combobox", { name: "区县机构" }).click();
  await page.getByRole("option", { name: COUNTY }).click();
  await page.getByRole("button", { name: "确认分派" }).click();
  await expect(page.getByText("已分派 1 条")).toBeVisible();

  await select(page, "BA-0010");
  await page.getByRole("button", { name: "退回", exact: true }).click();
  await page.getByRole("combobox", { name: "退回原因" }).click();
  await page.getByRole("option", { name: "资料不完整" }).click();
  await page.getByLabel(/退回说明/).fill("请补充型号规格");
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(page.getByText("已退回 1 条")).toBeVisible();

  // County institute: confirm the assigned pump; return the seeded BA-0014 as 无能力.
  await signInAs(page, "byjls");
  await openMenu(page, "备案审核");
  await expect(page.getByRole("tab", { name: "备案处理" })).toHaveAttribute("data-state", "active");
  await select(page, "BA-0009");
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByText("已确认受理 1 条")).toBeVisible();
  await select(page, "BA-0014");
  await page.getByRole("button", { name: "无能力退回" }).click();
  await page.getByLabel("说明（选填）").fill("暂无该型号检定装置");
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(page.getByText("已退回市级机构 1 条")).toBeVisible();

  // The city institute has it again.
  await signInAs(page, "gzjly");
  await openMenu(page, "备案审核");
  await expect(page.getByTestId("queue-row-BA-0014")).toContainText("区县机构无能力退回");

  // Enterprise: 被退回 with its reason, fix and resubmit.
  await signInAs(page, "jyzqy");
  await openMenu(page, "备案管理");
  await page.getByRole("tab", { name: "被退回" }).click();
  const row = page.getByTestId("filing-row-BA-0010");
  await expect(row).toContainText("资料不完整");
  await expect(row).toContainText("请补充型号规格");
  await row.getByRole("button", { name: "修改并重新提交" }).click();
  await page.getByLabel("型号规格").fill("CS46-2222B");
  await page.getByRole("button", { name: "重新提交" }).click();
  await expect(page.getByText("已重新提交备案")).toBeVisible();
  await page.getByRole("tab", { name: "已提交" }).click();
  await expect(page.getByTestId("filing-row-BA-0010")).toContainText("待审核");
  await expect(page.getByTestId("filing-row-BA-0008")).toContainText(/4401112\d{11}/);
});

test("R-BKT-1…5 the county institute's 辖区仪器 shows the six lists with counts", async ({ page }) => {
  await signInAs(page, "byjls");
  await openMenu(page, "辖区仪器");
  for (const b of ["all", "due", "overdue", "invalid", "valid", "failed"]) {
    await expect(page.getByTestId(`bucket-count-${b}`)).toHaveText(/^[1-9]\d*$/);
  }
  await page.getByTestId("bucket-invalid").click();
  await expect(page.getByRole("cell", { name: "BA-0003" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "BA-0005" })).toHaveCount(0);
});

test("R-SCOPE-2 辖区仪器 of the city institute narrows to one county with the region picker", async ({ page }) => {
  await signInAs(page, "gzjly");
  await openMenu(page, "辖区仪器");
  const all = page.getByTestId("bucket-count-all");
  await expect(all).toHaveText(/^[1-9]\d*$/);
  const cityTotal = Number(await all.textContent());
  await pickRegion(page, ["广东省", "广州市", "天河区"]);
  await expect(page.getByRole("cell", { name: "BA-0101" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "BA-0001", exact: true })).toHaveCount(0);
  await expect(all).not.toHaveText(String(cityTotal));
  await page.getByRole("button", { name: "全部地区" }).click();
  await expect(all).toHaveText(String(cityTotal));
});

test("检定能力 the county institute adds a capability it lacked, then disables it", async ({ page }) => {
  await signInAs(page, "byjls");
  await openMenu(page, "检定能力");
  await page.getByRole("button", { name: "新增检定能力" }).click();
  await page.getByRole("combobox", { name: "器具种别" }).click();
  await page.getByRole("option", { name: /水表\(DN15~DN50\)/ }).click();
  await page.getByRole("combobox", { name: "检定方式" }).click();
  await page.getByRole("option", { name: "送检" }).click();
  await page.getByLabel("测量范围说明").fill("DN15~DN25");
  await page.getByLabel("每时段接收量（台）").fill("30");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("检定能力已保存")).toBeVisible();
  const row = page.getByRole("row", { name: /水表\(DN15~DN50\)/ });
  await expect(row).toContainText("DN15~DN25");
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("停用");
  await expect(row.getByRole("button", { name: "启用" })).toBeVisible();
});

test("screens of the filing pages at desktop and phone width", async ({ page }) => {
  const shots: [string, string, string][] = [
    ["jyzqy", "/enterprise/filings", "enterprise-filings"],
    ["gzjly", "/institution/filings", "institution-filings"],
    ["gzjly", "/institution/capabilities", "institution-capabilities"],
    ["gzjly", "/institution/enterprises", "institution-enterprises"],
    ["byjls", "/institution/instruments", "institution-instruments"],
    ["byjls", "/institution/filings", "county-filings"],
  ];
  let who = "";
  for (const [user, path, name] of shots) {
    if (user !== who) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInAs(page, user);
      who = user;
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await shot(page, `${name}-${width}`);
    }
  }
  // Dialogs at phone width: choosing institutions, and an instrument's filing record.
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/filings");
  await select(page, "BA-0011");
  await page.getByRole("button", { name: /申请备案/ }).click();
  await expect(page.getByRole("combobox", { name: "BA-0011 的备案机构" })).toContainText("推荐");
  await shot(page, "enterprise-submit-dialog-390", false);
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "已提交" }).click();
  await page.getByTestId("filing-row-BA-0001").getByRole("button", { name: "记录" }).click();
  await expect(page.getByRole("dialog")).toContainText("审核通过");
  await shot(page, "filing-history-dialog-390", false);
});
