import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { decodeIn, renderPage } from "../tests/helpers/pdf-codes";
import { signInAs } from "./fixtures/auth";
import { pickOption } from "./fixtures/select";
import { shot } from "./fixtures/shots";

test.describe.configure({ mode: "serial" });

async function openMenu(page: Page, label: string) {
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: label }).click();
}
async function noSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
/** Opens the first appointment of the 预约确认 list in the given state. */
async function openFirst(page: Page, state: string) {
  await openMenu(page, "预约确认");
  await expect(page.getByRole("heading", { name: "预约确认", level: 1 })).toBeVisible();
  await pickOption(page, "预约状态", state);
  const link = page.getByRole("table", { name: "预约单" }).getByRole("link").first();
  await expect(link).toHaveText(/^[SX]\d{14}$/);
  const number = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  return { number, url: page.url() };
}

test("issue 10 #3 R-APT-4 the institution confirms a submitted appointment; both sides see 已确认 on the timeline", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "byjls");
  await openMenu(page, "预约确认");
  const rows = page.getByRole("table", { name: "预约单" });
  await expect(rows.getByRole("link").first()).toBeVisible();
  await shot(page, "desk-list-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noSideways(page);
  await shot(page, "desk-list-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  const number = (await rows.getByRole("link").first().textContent())!;
  await rows.getByRole("link").first().click();
  await expect(page.getByTestId("appointment-state")).toHaveText("已提交");
  await expect(page.getByTestId("item-YY-0001")).toBeVisible();
  await page.getByRole("button", { name: "确认预约" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("appointment-state")).toHaveText("已确认");
  const timeline = page.getByTestId("appointment-timeline");
  await expect(timeline.getByRole("listitem").last()).toContainText("机构确认预约");
  await expect(timeline.getByRole("listitem").last()).toContainText("白云");
  await expect(page.getByRole("button", { name: "确认预约" })).toHaveCount(0);
  await shot(page, "desk-detail-confirmed-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noSideways(page);
  await shot(page, "desk-detail-confirmed-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The institution prints the same sheet (R-APT-7).
  await page.getByRole("link", { name: "打印预约单" }).click();
  await expect(page.getByTestId("appointment-sheet")).toContainText(number);
  await expect(page.getByTestId("appointment-sheet")).toContainText("YY-0001");

  // The filter by state and number finds it under 已确认.
  await openMenu(page, "预约确认");
  await pickOption(page, "预约状态", "已确认");
  await page.getByLabel("预约单号").fill(number.slice(-6));
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId(`desk-row-${number}`)).toContainText("已确认");
});

test("issue 10 #3 R-APT-4 修改预约时间 with a reason: the enterprise sees the new time and why; the sheet prints and downloads (R-APT-7)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "byjls");
  const { number, url } = await openFirst(page, "已确认");
  await expect(page.getByTestId("item-YY-0004")).toBeVisible();
  const oldDay = await page.getByTestId("appointment-day").textContent();
  await page.getByRole("button", { name: "修改预约时间" }).click();
  const dialog = page.getByRole("dialog", { name: "修改预约时间" });
  const daySelect = dialog.getByLabel("新日期");
  await expect(daySelect.locator("option").nth(2)).toBeAttached();
  await daySelect.selectOption({ index: 2 });
  await dialog.getByRole("radio").and(page.locator(":not([disabled])")).first().check();
  await shot(page, "desk-reschedule-dialog-1280", false);
  // A reason is required: refused in Chinese, nothing changes.
  await dialog.getByRole("button", { name: "确认改期" }).click();
  await expect(dialog.getByRole("alert")).toContainText("改期原因");
  await dialog.getByLabel("改期原因").fill("检定车辆检修，改期办理");
  await dialog.getByRole("button", { name: "确认改期" }).click();
  await expect(page.getByTestId("appointment-state")).toHaveText("已改期");
  await expect(page.getByTestId("appointment-day")).not.toHaveText(oldDay!);
  await expect(page.getByTestId("appointment-timeline").getByRole("listitem").last()).toContainText("检定车辆检修，改期办理");

  // The enterprise reads the new time and the reason.
  const id = url.split("/").pop()!;
  await signInAs(page, "jyzqy");
  await page.goto(`/enterprise/appointments/${id}`);
  const notice = page.getByTestId("appointment-notice");
  await expect(notice).toContainText("机构已将预约改至");
  await expect(notice).toContainText("原因：检定车辆检修，改期办理");
  await expect(page.getByTestId("appointment-state")).toHaveText("已改期");
  await expect(page.getByTestId("appointment-timeline")).toContainText("机构修改预约时间");
  await shot(page, "enterprise-detail-rescheduled-1280");
  await shot(page.getByTestId("appointment-timeline"), "timeline-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noSideways(page);
  await shot(page, "enterprise-detail-rescheduled-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The sheet: on screen, on paper (the shell hidden), and as a PDF whose QR code carries the number.
  await page.getByRole("link", { name: "打印预约单" }).click();
  const sheet = page.getByTestId("appointment-sheet");
  await expect(sheet).toContainText(number);
  await expect(sheet).toContainText("YY-0004");
  await expect(sheet.getByRole("img", { name: `二维码 ${number}` }).locator("svg")).toBeVisible();
  await expect(sheet.getByRole("img", { name: `条形码 ${number}` }).locator("svg")).toBeVisible();
  await shot(page, "sheet-1280");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "功能菜单" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(sheet).toBeVisible();
  await shot(page, "sheet-print-1280");
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 844 });
  await noSideways(page);
  await shot(page, "sheet-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 PDF" }).click()]);
  expect(download.suggestedFilename()).toBe(`预约单-${number}.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const px = (pt: number) => Math.round((pt * 150) / 72);
  expect(decodeIn(renderPage(pdf, 1, 150), "qr", { left: px(420), top: px(20), width: px(160), height: px(140) })).toBe(number);
});

test("issue 10 #3 R-APT-4 拒绝 with 取消备案状态: the enterprise sees 被拒绝 with the reason and the instrument in its 被退回 list (R-FIL-6)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "gzjly");
  const { url } = await openFirst(page, "已确认");
  await expect(page.getByTestId("item-YY-0101")).toBeVisible();
  await page.getByRole("button", { name: "拒绝" }).click();
  const dialog = page.getByRole("dialog", { name: "拒绝预约" });
  await dialog.getByLabel("拒绝原因").fill("标准器送上级检定，本周暂停受理");
  await dialog.getByRole("checkbox", { name: "取消备案状态" }).click();
  await shot(page, "desk-reject-dialog-1280", false);
  await dialog.getByRole("button", { name: "确认拒绝" }).click();
  await expect(page.getByTestId("appointment-state")).toHaveText("被拒绝");
  await expect(page.getByTestId("item-YY-0101")).toContainText("已取消");
  await expect(page.getByRole("button", { name: "修改预约时间" })).toHaveCount(0);

  const id = url.split("/").pop()!;
  await signInAs(page, "yyqy");
  await page.goto(`/enterprise/appointments/${id}`);
  await expect(page.getByTestId("appointment-state")).toHaveText("被拒绝");
  const notice = page.getByTestId("appointment-notice");
  await expect(notice).toContainText("原因：标准器送上级检定，本周暂停受理");
  await expect(notice).toContainText("备案状态已取消");
  await expect(page.getByTestId("appointment-timeline").getByRole("listitem").last()).toContainText("机构拒绝预约");
  await shot(page, "enterprise-detail-rejected-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noSideways(page);
  await shot(page, "enterprise-detail-rejected-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  await openMenu(page, "备案管理");
  await page.getByRole("tab", { name: "被退回" }).click();
  const row = page.getByTestId("filing-row-YY-0101");
  await expect(row).toContainText("被拒绝：标准器送上级检定，本周暂停受理");
});
