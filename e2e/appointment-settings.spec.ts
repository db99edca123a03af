import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { shot } from "./fixtures/shots";

/** A day `n` days after today in China, as the date input takes it. */
function chinaDayPlus(n: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

test.describe.configure({ mode: "serial" });

test("issue 10 #1 an institution edits a slot (refused while invalid) and adds a closed day after confirming", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "gzjly");
  await page.getByRole("link", { name: "预约设置" }).first().click();
  await expect(page.getByRole("heading", { name: "预约设置", level: 1 })).toBeVisible();
  await expect(page.getByLabel("时段名称").first()).toHaveValue("上午");

  // Invalid: capacity 0 and an end before the start are refused in Chinese, nothing is saved.
  await page.locator("#slot-0-send").fill("0");
  await page.locator("#slot-1-end").fill("13:00");
  await page.getByRole("button", { name: "保存时段" }).click();
  await expect(page.getByTestId("slot-0")).toContainText("容量至少为 1 台（件）");
  await expect(page.getByTestId("slot-1")).toContainText("结束时间须晚于开始时间");
  await shot(page, "appointment-settings-invalid-1280");

  await page.locator("#slot-0-send").fill("40");
  await page.locator("#slot-0-end").fill("11:30");
  await page.locator("#slot-1-end").fill("17:30");
  await page.getByRole("button", { name: "保存时段" }).click();
  await expect(page.getByText("时段已保存")).toBeVisible();
  await page.reload();
  await expect(page.locator("#slot-0-end")).toHaveValue("11:30");
  await expect(page.locator("#slot-0-send")).toHaveValue("40");

  const day = chinaDayPlus(9);
  await page.getByLabel("日期", { exact: true }).fill(day);
  await page.getByLabel("原因").fill("标准装置送上级检定");
  await page.getByRole("button", { name: "添加停止受理日" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`${day}`);
  await page.getByRole("button", { name: "确认设置" }).click();
  await expect(page.getByRole("list", { name: "停止受理日" })).toContainText("标准装置送上级检定");
  await expect(page.getByRole("list", { name: "可预约日期" })).not.toContainText(day.slice(5));
  await shot(page, "appointment-settings-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator("#slot-0-end")).toHaveValue("11:30");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "appointment-settings-390");
});

test("issue 10 #1 an administrator sees 2027 flagged as without data and adds a holiday after confirming", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "节假日设置" }).first().click();
  await expect(page.getByRole("heading", { name: "节假日设置" })).toBeVisible();
  await expect(page.getByRole("list", { name: "2026 年节假日" })).toContainText("国庆节");

  await page.getByRole("button", { name: "下一年" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "2027 年节假日数据尚未维护，按普通周末规则计算" })).toBeVisible();
  await page.getByLabel("日期", { exact: true }).fill("2027-01-01");
  await page.getByLabel("名称", { exact: true }).fill("元旦");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("2027-01-01");
  await page.getByRole("button", { name: "确认添加" }).click();
  await expect(page.getByRole("list", { name: "2027 年节假日" })).toContainText("元旦");
  await expect(page.getByText("2027 年节假日数据尚未维护")).toHaveCount(0);
  await shot(page, "holidays-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "上一年" }).click();
  await expect(page.getByRole("list", { name: "2026 年节假日" })).toContainText("国庆节");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "holidays-390", false);
});
