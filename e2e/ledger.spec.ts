import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { goodRow, ledgerWorkbook } from "../scripts/ledger/sample-file";
import { pickOption } from "./fixtures/select";
import { shot } from "./fixtures/shots";
import { signInAs } from "./fixtures/auth";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const pick = pickOption;

async function fillNew(page: Page, serial: string) {
  await pick(page, "项别", "燃油加油机");
  await pick(page, /^种别/, /燃油加油机（V）/);
  await expect(page.getByTestId("kind-hint")).toContainText("强检用途：贸易结算");
  await page.getByLabel(/^器具名称/).fill("燃油加油机");
  await page.getByLabel(/^型号规格/).fill("CS46-4");
  await page.getByLabel(/^出厂编号/).fill(serial);
  await page.getByLabel(/^生产厂家/).fill("端到端测试加油机厂");
  await page.getByLabel(/^安装使用地点/).fill("7号加油岛");
  await pick(page, /^器具用途/, "贸易结算");
  await pick(page, /^检定方式/, "现场检定");
  await pick(page, "省份", "广东省");
  await pick(page, "城市", "广州市");
  await pick(page, "区县", "白云区");
  await page.getByLabel(/^自定义标签/).fill("七号岛 汽油");
}

test.describe.configure({ mode: "serial" });

test("R-LED-4 colours by validity; R-LED-1 R-LED-2 add, copy, edit; a duplicate (full-width, other case) is refused naming the existing record", async ({ page }) => {
  await signInAs(page, "jyzqy");
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "仪器管理" }).click();
  await expect(page.getByTestId("ledger-counts")).toContainText("共 47 台，30 天内到期 5，已过期 4");
  // R-LED-4: sorted by validity, the overdue rows come first in red, then the due ones in yellow.
  await pick(page, "排序", "有效期（先到期）");
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-warning", "red");
  await expect(page.locator("tbody tr").nth(3)).toHaveAttribute("data-warning", "red");
  await expect(page.locator("tbody tr").nth(4)).toHaveAttribute("data-warning", "yellow");
  await shot(page, "list-1280");
  await page.getByRole("link", { name: "新增器具" }).click();
  await fillNew(page, "E2E-ADD-0001");
  await shot(page, "form-1280");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { name: /E2E-ADD-0001/ })).toBeVisible();

  // Copy: a new record from this one, with a fresh serial.
  await page.getByRole("link", { name: "复制" }).click();
  await expect(page.getByLabel(/^生产厂家/)).toHaveValue("端到端测试加油机厂");
  await expect(page.getByLabel(/^出厂编号/)).toHaveValue("");
  await page.getByLabel(/^出厂编号/).fill("E2E-ADD-0002");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { name: /E2E-ADD-0002/ })).toBeVisible();

  // Edit.
  await page.getByRole("link", { name: "修改" }).click();
  await page.getByLabel(/^型号规格/).fill("TQ-9");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("TQ-9").first()).toBeVisible();
  await expect(page.getByTestId("instrument-history")).toContainText("修改");
  // The history shows what the edit changed, field by field (issue 9 #15/#16).
  await expect(page.getByTestId("instrument-history")).toContainText(/型号规格：\S+ → TQ-9/);
  await expect(page.getByTestId("instrument-history")).toContainText("复制新增");

  // Duplicate: same manufacturer, the first serial typed full-width and lower-case.
  await page.getByRole("link", { name: "复制" }).click();
  await page.getByLabel(/^出厂编号/).fill("ｅ２ｅ－ａｄｄ－０００１");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText(/台账中已有相同生产厂家和出厂编号的器具：燃油加油机/).first()).toBeVisible();
});

test("R-LED-2 stop → scrap → enable with confirmations; R-LED-3 a wrong file type is refused", async ({ page }) => {
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/instruments");
  await page.getByLabel("关键字").fill("E2E-ADD-0001");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("ledger-counts")).toContainText("共 1 台");
  await page.getByRole("link", { name: "燃油加油机" }).click();
  await expect(page.getByTestId("instrument-status")).toHaveText("在用");
  for (const [verb, status] of [["停用", "停用"], ["报废", "报废"], ["启用", "在用"]] as const) {
    await page.getByRole("button", { name: verb, exact: true }).click();
    await page.getByRole("button", { name: `确定${verb}` }).click();
    await expect(page.getByTestId("instrument-status")).toHaveText(status);
  }
  await expect(page.getByTestId("instrument-history")).toContainText("报废");

  const slot = page.getByTestId("attachments-general");
  await slot.getByLabel("上传相关资料").setInputFiles({ name: "合格证.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is plain text, not a pdf") });
  await expect(slot.getByText(/类型不受支持/)).toBeVisible();
  await slot.getByLabel("上传相关资料").setInputFiles({ name: "合格证.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(slot.getByRole("link", { name: "合格证.pdf" })).toBeVisible();
  const tev = page.getByTestId("attachments-type_evaluation");
  await tev.getByLabel("上传型式评价报告").setInputFiles({ name: "型式评价报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(tev.getByRole("link", { name: "型式评价报告.pdf" })).toBeVisible();
  await shot(page, "detail-1280");
  // Filing status and history show on the instrument (issue 5): never filed yet.
  await page.getByRole("button", { name: /备案记录（未备案）/ }).click();
  await expect(page.getByRole("dialog")).toContainText("尚未提交备案");
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "detail-390");
});

test("R-LED-5 import a 200-row file with 3 bad rows: errors by row and column, report, confirm → 197; the same file again does nothing", async ({ page }) => {
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/instruments/import");
  await page.getByLabel(/Excel 文件/).setInputFiles("e2e/fixtures/ledger-import-200.xlsx");
  await page.getByRole("button", { name: "检查文件" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("共 200 行：可导入 197 行，有错误 3 行");
  await expect(preview).toContainText("请填写器具名称");
  await expect(preview).toContainText("不属于强制检定");
  await expect(preview).toContainText("所在地“广东省/广州市/不存在区”不存在");
  await shot(page, "import-preview-1280");
  const report = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载错误报告（.xlsx）" }).click();
  expect((await report).suggestedFilename()).toBe("导入错误报告.xlsx");
  await page.getByRole("button", { name: "确认导入 197 行" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("已导入 197 台器具");

  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("该文件已导入过");
  await page.goto("/enterprise/instruments");
  await page.getByLabel("关键字").fill("E2E-0");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("ledger-counts")).toContainText("共 197 台");
});

test("R-LED-5 export the filtered ledger, re-import it (every row already in the ledger); row-by-row import gives a result per row", async ({ page }) => {
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/instruments");
  await page.getByLabel("关键字").fill("E2E-ADD");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("ledger-counts")).toContainText("共 2 台");
  const template = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载模板" }).click();
  expect((await template).suggestedFilename()).toBe("仪器台账导入模板.xlsx");
  const download = page.waitForEvent("download");
  await page.getByTestId("ledger-export").click();
  const file = await (await download).path();
  const exported = readFileSync(file!);

  await page.goto("/enterprise/instruments/import");
  await page.getByLabel(/Excel 文件/).setInputFiles({ name: "导出.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: exported });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("共 2 行：可导入 0 行，有错误 2 行");
  await expect(page.getByTestId("import-preview")).toContainText("台账中已有相同生产厂家和出厂编号的器具");

  // Not an xlsx at all.
  await page.getByLabel(/Excel 文件/).setInputFiles({ name: "假的.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("名称,型号\n") });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByText(/不是有效的 Excel/)).toBeVisible();

  await page.getByRole("tab", { name: "逐行导入" }).click();
  const rows = [goodRow(1, "E2EROW"), { ...goodRow(2, "E2EROW"), 器具名称: "" }, goodRow(3, "E2EROW")];
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles({ name: "逐行.xlsx", mimeType: "application/octet-stream", buffer: await ledgerWorkbook(rows) });
  await page.getByRole("button", { name: "开始逐行导入" }).click();
  await expect(page.getByTestId("row-results")).toContainText("成功 2 行，失败 1 行");
  await expect(page.getByTestId("row-results")).toContainText("器具名称：请填写器具名称");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "import-rows-390");
  await page.goto("/enterprise/instruments");
  // issue 9 #17: on a phone each instrument is a card with its status, filing status and validity in full.
  const card = page.getByTestId("ledger-cards").getByRole("listitem").first();
  await expect(card).toBeVisible();
  await expect(card).toContainText(/备案：(未备案|待审核|待确认|已备案|被退回)/);
  await expect(card).toContainText("有效期至");
  await expect(page.locator("table")).toBeHidden();
  for (const item of await page.getByTestId("ledger-cards").getByRole("listitem").all()) {
    const box = (await item.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await pick(page, "排序", "有效期（先到期）");
  await expect(page.getByTestId("ledger-cards").getByRole("listitem").first()).toHaveAttribute("data-warning", "red");
  await expect(page.getByTestId("ledger-cards").getByRole("listitem").first()).toHaveClass(/bg-red-50/);
  await shot(page, "list-390");
  await page.goto("/enterprise/instruments/new");
  await shot(page, "form-390");
});

test("R-LED-5 a 10 000-row import with progress bars for parsing and writing", async ({ page }) => {
  test.setTimeout(240_000);
  const { sampleRows } = await import("../scripts/ledger/sample-file");
  const buffer = await ledgerWorkbook(sampleRows(10_000, 0, "E2E10K"));
  await signInAs(page, "yyqy");
  await page.goto("/enterprise/instruments/import");
  await page.getByLabel(/Excel 文件/).setInputFiles({ name: "一万行.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  const t0 = Date.now();
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("import-preview")).toContainText("共 10000 行：可导入 10000 行，有错误 0 行", { timeout: 120_000 });
  const t1 = Date.now();
  await page.getByRole("button", { name: "确认导入 10000 行" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("import-done")).toHaveText("已导入 10000 台器具", { timeout: 180_000 });
  console.log(`10 000-row import through the browser: check ${((t1 - t0) / 1000).toFixed(1)} s, confirm ${((Date.now() - t1) / 1000).toFixed(1)} s`);
});
