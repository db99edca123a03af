import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { pickRegion } from "./fixtures/select";

test("admin sees users filtered by region, the audit log and the catalogue", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "用户" }).click();
  await expect(page.getByRole("cell", { name: "gzjly" })).toBeVisible();
  await pickRegion(page, ["广东省", "广州市", "白云区"]);
  await expect(page.getByRole("cell", { name: "byjls" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "gzjly" })).toHaveCount(0);

  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "审计日志" }).click();
  // issue 9 #16: Chinese action names and readable changes, no codes or JSON.
  await expect(page.getByRole("cell", { name: "写入演示数据" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("demo.seed");
  await expect(page.getByRole("main")).not.toContainText("{");

  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "器具目录" }).click();
  await expect(page.getByRole("cell", { name: "燃油加油机" }).first()).toBeVisible();
});

test("R-CAT-3 a catalogue CSV with a bad row is refused with its row and column", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/catalogue");
  await page.getByRole("button", { name: "导入目录" }).click();
  await page.getByLabel("版本名称").fill("错误的目录");
  await page.getByLabel("CSV 文件").setInputFiles({
    name: "catalogue.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("item_name,kind_name,supervision,purposes\n水表,水表,X,贸易结算\n"),
  });
  await page.getByRole("button", { name: "检查", exact: true }).click();
  await expect(page.getByTestId("catalogue-errors")).toContainText("第 2 行（supervision）：监管方式只能是 P、V 或 P+V");
});

test("the public portal and catalogue need no sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "计量器具强制检定，一网通办" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "强检目录", exact: true }).click();
  await expect(page.getByRole("main").getByText("玻璃体温计", { exact: true }).first()).toBeVisible();
  // issue 9 #16: the version in words users know, not a file path.
  await expect(page.getByTestId("catalogue-version")).toContainText(/现行目录：强检目录示例版.*\d{4}-\d{2}-\d{2} 起在本平台使用，共 \d+ 个项别、\d+ 个种别/);
  await expect(page.getByRole("main")).not.toContainText("data/");
});

test("issue 13 #6 the outbox filtered by channel and state, with the last error and no retry for a sent message", async ({ page, browser }) => {
  // Queue one SMS: a reset code for a demo account (its phone is in DEMO_PHONES).
  const anon = await browser.newContext();
  const f = await anon.newPage();
  await f.goto("/forgot-password");
  await expect(f.getByRole("button", { name: "获取验证码" })).toBeVisible();
  await f.getByLabel("用户名").fill("sqjg");
  await f.getByLabel("手机号码").fill("13800000106");
  await f.getByRole("button", { name: "获取验证码" }).click();
  await expect(f.getByTestId("sms-status")).toContainText("验证码已发送");
  await anon.close();

  await signInAs(page, "admin");
  await page.goto("/admin/outbox");
  await expect(page.getByRole("columnheader", { name: "最近错误" })).toBeVisible();
  await page.getByLabel("接收人", { exact: true }).fill("13800000106");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("outbox-recipient").first()).toHaveText("13800000106");

  // No e-mail is ever sent here: the channel filter leaves the SMS out.
  await page.getByLabel("渠道").click();
  await page.getByRole("option", { name: "邮件" }).click();
  await expect(page.getByText("暂无消息")).toBeVisible();
  await page.getByLabel("渠道").click();
  await page.getByRole("option", { name: "短信" }).click();
  await expect(page.getByTestId("outbox-row").first()).toBeVisible();

  // Once the worker has sent it, it is listed under 已发送 and not under 发送失败; a sent message has no 重新发送.
  await page.getByLabel("状态").click();
  await page.getByRole("option", { name: "已发送" }).click();
  await expect(async () => {
    await page.getByRole("button", { name: "刷新" }).click();
    await expect(page.getByTestId("outbox-row").first()).toContainText("已发送", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("outbox-row").getByRole("button", { name: "重新发送" })).toHaveCount(0);
  await page.getByLabel("状态").click();
  await page.getByRole("option", { name: "发送失败" }).click();
  await expect(page.getByText("暂无消息")).toBeVisible();
});
