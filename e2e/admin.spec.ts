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
  await page.getByRole("link", { name: "查看强检目录" }).click();
  await expect(page.getByRole("cell", { name: "玻璃体温计" })).toBeVisible();
  // issue 9 #16: the version in words users know, not a file path.
  await expect(page.getByTestId("catalogue-version")).toContainText(/当前版本：强检目录示例版.*\d{4}-\d{2}-\d{2} 更新，共 \d+ 个种别/);
  await expect(page.getByRole("main")).not.toContainText("data/");
});
