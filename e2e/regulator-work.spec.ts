import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./fixtures/auth";

/**
 * Issue 12 (regwork): a regulator acts on its lists in the browser — exports 辖区仪器 and re-opens the file,
 * publishes a notice whose script the public page does not carry, records dispensers and filters them by
 * version, and moves a pending filing to another institution. Screenshots at 1280 and 390 px go to
 * SHOTS_DIR (default /tmp/regwork-shots) to be looked at.
 */
const SHOTS = process.env.SHOTS_DIR ?? "/tmp/regwork-shots";

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits 390 px`).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("issue 12 item 3: 辖区仪器 filtered by URL parameters exports an xlsx that re-opens with the listed rows", async ({ page }) => {
  await signInAs(page, "gzscjg");
  await page.goto("/regulator/instruments?region=440111&purpose=trade");
  const rows = page.getByTestId("supervision-row");
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  const serials = (await page.getByTestId("supervision-serial").allTextContents()).map((s) => s.trim()).sort();
  const download = page.waitForEvent("download");
  await page.getByTestId("supervision-export").click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as never);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(3).value).toBe("出厂编号");
  const exported: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) exported.push(String(row.getCell(3).value));
  });
  if (shown < 50) expect(exported.sort()).toEqual(serials);
  else expect(exported.length).toBeGreaterThanOrEqual(shown);
  // A region outside the city: a clear refusal, not an empty list.
  await page.goto("/regulator/instruments?region=4403");
  await expect(page.getByTestId("supervision-error")).toContainText("记录不存在或无权查看");
  await page.goto("/regulator/instruments?bucket=sometimes");
  await expect(page.getByText("分类无效")).toBeVisible();
  await page.goto("/regulator/instruments?region=440111");
  await expect(rows.first()).toBeVisible();
  await shots(page, "instruments");
  await page.goto("/regulator/warnings");
  await expect(page.getByRole("link", { name: "13800000001" }).first()).toBeVisible();
  await shots(page, "warnings");
});

test("issue 12 item 4: a published notice appears on the public page with its script removed", async ({ page, browser }) => {
  await signInAs(page, "byscjg");
  await page.goto("/regulator/notices");
  await page.getByRole("button", { name: "新建公告" }).click();
  const title = `白云区加油机专项检查公告 ${Date.now()}`;
  await page.getByLabel("标题").fill(title);
  await page
    .getByLabel("正文")
    .fill('<p onclick="window.__x=1">请辖区加油站于月底前完成自查。</p><script>window.__pwned=1</script><a href="javascript:window.__y=1">点击</a><img src="https://example.org/x.png" onerror="window.__z=1">');
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("notice-body")).toContainText("请辖区加油站于月底前完成自查。");
  await shots(page, "notice-editor");
  await page.getByRole("button", { name: "关闭" }).first().click();
  const row = page.getByTestId("notice-row").filter({ hasText: title });
  await row.getByRole("button", { name: "发布" }).click();
  await expect(row).toContainText("已发布");

  const anon = await browser.newPage();
  await anon.goto("/");
  await anon.getByRole("link", { name: "公示公告" }).first().click();
  await anon.getByRole("link", { name: title }).click();
  await expect(anon.getByTestId("notice-title")).toHaveText(title);
  const body = anon.getByTestId("notice-body");
  await expect(body).toContainText("请辖区加油站于月底前完成自查。");
  const html = await body.innerHTML();
  expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
  expect(await anon.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await shots(anon, "public-notice");
  await anon.goto("/notices");
  await shots(anon, "public-notices");
  await anon.close();
});

test("issue 12 item 6: dispenser entry for a station and the version filter", async ({ page }) => {
  await signInAs(page, "byscjg");
  await page.goto("/regulator/dispensers");
  await page.getByRole("combobox", { name: "加油站（使用单位）" }).click();
  await page.getByRole("option", { name: "广州示例加油站有限公司（示例）" }).click();
  const add = async (serial: string, antiCheat: string) => {
    await page.getByLabel("出厂编号").fill(serial);
    await page.getByLabel("生产厂家").fill("端到端加油机厂");
    await page.getByLabel("型号规格").fill("CS50");
    await page.getByLabel("枪数").fill("4");
    await page.getByLabel("监控微处理器版本").fill("M2.0");
    await page.getByLabel("编码器版本").fill("E1.1");
    await page.getByLabel("防作弊系统版本").fill(antiCheat);
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await expect(page.getByTestId("dispenser-row").filter({ hasText: serial })).toBeVisible();
  };
  await add("E2E-PUMP-1", "F3.0");
  await add("E2E-PUMP-2", "F2.1");
  await page.getByRole("combobox", { name: "版本比对" }).click();
  await page.getByRole("option", { name: "防作弊系统版本" }).click();
  await page.getByLabel("与此版本不同的加油机").fill("F3.0");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("dispenser-row").filter({ hasText: "E2E-PUMP-1" })).toHaveCount(0);
  await expect(page.getByTestId("dispenser-row").filter({ hasText: "E2E-PUMP-2" })).toBeVisible();
  await shots(page, "dispensers");
});

test("issue 12 item 5: the city regulator moves a pending filing to the county institute with a reason", async ({ page }) => {
  await signInAs(page, "gzscjg");
  await page.goto("/regulator/tasks");
  const row = page.getByTestId("task-filing").filter({ hasText: "BA-0015" });
  await expect(row).toContainText("广州市计量检测技术研究院");
  await shots(page, "tasks");
  await row.getByRole("button", { name: "转派" }).click();
  await page.getByRole("combobox", { name: "转派给" }).click();
  await page.getByRole("option", { name: "广州市白云区计量检定所（示例）" }).click();
  await page.getByLabel("转派原因").fill("市院加油机检定任务饱和");
  await page.getByRole("button", { name: "确认转派" }).click();
  await expect(row).toContainText("广州市白云区计量检定所");
  // The target institution sees the move in the filing's history.
  await page.context().clearCookies();
  await signInAs(page, "byjls");
  await page.goto("/institution/instruments");
  await page.getByLabel("搜索辖区仪器").fill("BA-0015");
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("row").filter({ hasText: "BA-0015" }).getByRole("button", { name: "查看" }).click();
  await expect(page.getByRole("dialog")).toContainText("监管部门转派");
  await expect(page.getByRole("dialog")).toContainText("市院加油机检定任务饱和");
});

test("issue 12: duplicate flags page", async ({ page }) => {
  await signInAs(page, "gdscjg");
  await page.goto("/regulator/duplicates");
  await expect(page.getByRole("heading", { name: "重复登记" })).toBeVisible();
  await shots(page, "duplicates");
});
