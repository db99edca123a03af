import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { signInAs } from "./fixtures/auth";
import { fillGroup, pick } from "./fixtures/booking";
import { pickOption } from "./fixtures/select";
import { shot } from "./fixtures/shots";

/**
 * Issue 10 items 2, 3 (enterprise side) and 9 in the browser: book → submit (R-APT-2 split), draft edit and
 * delete, 预约全部须检器具 (R-BKT-1/2), cancelling an instrument, 被拒绝 → 重新预约, and the 年度检定计划 download.
 */
test.describe.configure({ mode: "serial" });
// A loaded 2-core machine builds each page slowly; the steps themselves wait on what the user sees.
test.setTimeout(180_000);

const noOverflow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

test("issue 10 #2 R-APT-2 R-APT-3 book instruments of two institutions: split into 2 appointments, then submitted with numbers", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "jyzqy");
  await page.getByRole("link", { name: "预约管理" }).first().click();
  await expect(page.getByRole("heading", { name: "预约管理", level: 1 })).toBeVisible();
  await shot(page, "booking-list-1280");
  await page.getByRole("link", { name: "新建预约" }).click();
  await expect(page.getByRole("heading", { name: "新建预约" })).toBeVisible();
  await pick(page, ["TZ-JYJ-0001", "TZ-JYJ-0002", "BA-0003"]);
  await expect(page.getByText("已选 3 台器具")).toBeVisible();
  await shot(page, "booking-pick-1280");
  await page.getByRole("button", { name: "下一步：选择日期和时段" }).click();
  await expect(page.getByTestId("split-summary")).toContainText("将生成 2 张预约单");
  await fillGroup(page, 0);
  await fillGroup(page, 1);
  await shot(page, "booking-groups-1280");
  await page.getByRole("button", { name: "提交预约（2 张）" }).click();
  await expect(page.getByText(/已提交 2 张预约单：X\d{14}、X\d{14}/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "预约管理", level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: /X\d{14}/ }).filter({ hasText: "已提交" }).first()).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "已提交" }).first()).toBeVisible();
  await noOverflow(page);
  await shot(page, "booking-list-390");
});

test("issue 10 #2 R-APT-4 a draft is saved, edited (instrument removed, slot changed) and deleted after confirming", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/appointments/new");
  await pick(page, ["TZ-JYJ-0003", "TZ-JYJ-0004"]);
  await noOverflow(page);
  await shot(page, "booking-pick-390");
  await page.getByRole("button", { name: "下一步：选择日期和时段" }).click();
  await expect(page.getByTestId("split-summary")).toContainText("将生成 1 张预约单");
  await fillGroup(page, 0);
  await noOverflow(page);
  await shot(page, "booking-groups-390");
  await page.getByRole("button", { name: "保存为待提交" }).click();
  await expect(page.getByText("已保存 1 张待提交的预约单")).toBeVisible();

  await pickOption(page, "状态", "待提交");
  const row = page.getByRole("row").filter({ hasText: "待提交（未编号）" }).filter({ hasText: "2 台" }).first();
  await row.getByRole("link", { name: "编辑" }).click();
  await expect(page.getByRole("heading", { name: "编辑预约单" })).toBeVisible();
  await page.getByRole("button", { name: "移出 TZ-JYJ-0004" }).click();
  await pickOption(page, "时段", /下午/);
  await page.getByRole("button", { name: "保存为待提交" }).click();
  await expect(page.getByText("已保存待提交的预约单")).toBeVisible();

  await pickOption(page, "状态", "待提交");
  const edited = page.getByRole("row").filter({ hasText: "待提交（未编号）" }).filter({ hasText: "下午" }).first();
  await expect(edited).toContainText("1 台");
  await edited.getByRole("button", { name: "删除" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("删除后不能恢复");
  await page.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByText("已删除待提交的预约单")).toBeVisible();
});

test("issue 10 #3 R-APT-4 an instrument not yet received is cancelled from a confirmed appointment", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/appointments");
  await pickOption(page, "状态", "已确认");
  const row = page.getByRole("row").filter({ hasText: "已确认" }).first();
  await row.getByRole("button", { name: "取消器具" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: "取消 YY-0004" }).check();
  await dialog.getByLabel("取消原因（可选）").fill("该枪已停用");
  await expect(dialog).toContainText("将取消 1 台器具");
  await shot(page, "booking-cancel-1280");
  await dialog.getByRole("button", { name: "确认取消（1 台）" }).click();
  await expect(page.getByText("已取消 1 台器具，名额已释放")).toBeVisible();
});

test("issue 10 #3 被拒绝 shows the reason, and 重新预约 books the instruments again", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/appointments");
  await page.getByRole("tab", { name: "被拒绝" }).click();
  const row = page.getByRole("row").filter({ hasText: "该日现场检定车辆检修，请改约下周" });
  await expect(row).toBeVisible();
  await shot(page, "booking-rejected-1280");
  await row.getByRole("button", { name: "重新预约" }).click();
  await expect(page.getByRole("heading", { name: "重新预约" })).toBeVisible();
  await expect(page.getByTestId("split-summary")).toContainText("将生成 1 张预约单");
  await fillGroup(page, 0);
  await page.getByRole("button", { name: "提交预约" }).click();
  await expect(page.getByText(/已提交 1 张预约单：X\d{14}/)).toBeVisible();
});

test("issue 10 #2 R-BKT-1 R-BKT-2 预约全部须检器具 from the ledger prepares drafts, one of which is submitted", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "yyqy");
  await page.goto("/enterprise/instruments");
  await page.getByRole("button", { name: "预约全部须检器具" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/将生成 \d+ 张预约单/);
  await shot(page, "booking-prepare-due-1280");
  await dialog.getByRole("button", { name: /^生成 \d+ 张预约单$/ }).click();
  await expect(page.getByText(/已生成 \d+ 张待提交的预约单/)).toBeVisible();
  await expect(page).toHaveURL(/\/enterprise\/appointments\?state=draft/);
  const drafts = page.getByRole("row").filter({ hasText: "待提交（未编号）" });
  await expect(drafts.first()).toBeVisible();
  await drafts.first().getByRole("button", { name: "提交" }).click();
  await expect(page.getByText(/已提交，预约单号 S\d{14}/)).toBeVisible();
});

test("issue 10 #9 年度检定计划 downloads as Excel for the chosen year", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/appointments");
  const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date())) + 1;
  await pickOption(page, "计划年份", `${year} 年`);
  const download = page.waitForEvent("download");
  await page.getByTestId("annual-plan").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`年度检定计划-${year}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path())!) as never);
  const ws = wb.getWorksheet("年度检定计划")!;
  expect(String(ws.getRow(1).getCell(1).value)).toContain(`${year} 年度检定计划`);
  expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["计划月份", "部门", "检定机构", "器具名称", "型号规格", "出厂编号", "器具编码", "安装使用地点", "上次证书编号", "有效期至", "计划检定方式", "说明"]);
  const serials: string[] = [];
  ws.eachRow((r, n) => {
    if (n > 3 && /^\d+月$/.test(String(r.getCell(1).value))) serials.push(String(r.getCell(6).value));
  });
  expect(serials).toContain("TZ-JYJ-0007");
  expect(serials).not.toContain("TZ-JYJ-0023");
});
