import { chromium, expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { writeQrY4m } from "./fixtures/fake-camera";
import { shot } from "./fixtures/shots";

test.describe.configure({ mode: "serial" });

/** The number of the caller's first appointment in `state` on the reception queue (demo data). */
async function queuedNumber(page: Page, state: string) {
  await page.goto("/institution/reception");
  const row = page.getByTestId("queue-row").filter({ hasText: state }).first();
  await expect(row).toBeVisible();
  return (await row.getByRole("link").innerText()).trim();
}

const noOverflow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

test("R-APT-6 reception by scanning the sheet's QR code from a camera feed at 390 px, then 退单 puts the instrument in the enterprise's 被退回", async ({ page }, info) => {
  test.setTimeout(150_000); // a second browser with a camera, three sign-ins
  await signInAs(page, "gzjly");
  const number = await queuedNumber(page, "已确认");
  expect(number).toMatch(/^S\d{14}$/);

  // Chromium's fake camera plays a Y4M file of the sheet's QR code (written from the encoder's bits, no ffmpeg).
  const video = info.outputPath("sheet-qr.y4m");
  writeQrY4m(video, number);
  const launch = info.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 390, height: 844 }, permissions: ["camera"] });
    const cam = await context.newPage();
    await signInAs(cam, "gzjly");
    await cam.goto("/institution/reception");
    await cam.getByRole("button", { name: "扫码" }).click();
    await expect(cam.getByTestId("code-scanner")).toBeVisible();
    await expect(cam.getByText(`预约单 ${number}`)).toBeVisible({ timeout: 30_000 });
    await expect(cam.getByTestId("code-scanner")).toBeHidden();
    await expect(cam.getByLabel("预约单号")).toHaveValue(number);
    await noOverflow(cam);
    await shot(cam, "reception-scanned-390");

    await cam.getByRole("button", { name: "接收 YY-0101" }).click();
    await expect(cam.getByText("已接收 1 台器具")).toBeVisible();
    await expect(cam.getByText(`预约单 ${number}`).locator("..")).toContainText("已接收");

    await cam.getByRole("button", { name: "退单 YY-0102" }).click();
    const dialog = cam.getByRole("dialog");
    await dialog.getByRole("button", { name: "确认退单" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("请填写退单原因");
    await dialog.getByLabel("退单原因").fill("铭牌缺失，无法核对出厂编号");
    await dialog.getByRole("button", { name: "确认退单" }).click();
    await expect(cam.getByText("已退单 1 台器具")).toBeVisible();
    await expect(cam.getByText("原因：铭牌缺失，无法核对出厂编号")).toBeVisible();
    await context.close();
  } finally {
    await browser.close();
  }

  await page.context().clearCookies();
  await signInAs(page, "yyqy");
  await page.goto("/enterprise/filings");
  await page.getByRole("tab", { name: "被退回" }).click();
  await expect(page.getByText("YY-0102")).toBeVisible();
});

test("R-APT-6 a refused camera says so in Chinese and the number can still be typed", async ({ browser }, info) => {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL, locale: "zh-CN", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // No camera permission granted and no fake device: the scanner explains instead of failing silently.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "mediaDevices", {
      value: { getUserMedia: () => Promise.reject(new DOMException("denied", "NotAllowedError")), enumerateDevices: () => Promise.resolve([]) },
    });
  });
  await signInAs(page, "gzjly");
  await page.goto("/institution/reception");
  await page.getByRole("button", { name: "扫码" }).click();
  await expect(page.getByTestId("code-scanner").getByRole("alert")).toContainText("未获得摄像头权限");
  await page.getByLabel("预约单号").fill("S2026");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("预约单号格式不正确")).toBeVisible();
  await page.getByLabel("预约单号").fill("S20990101999999");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("未找到该预约单")).toBeVisible();
  await context.close();
});

test("R-APT-6 R-RES-1 R-RES-5 on-site: receive by typed number, then one batch of results with apply-to-all completes the appointment", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "byjls");
  const number = await queuedNumber(page, "已确认");
  expect(number).toMatch(/^X\d{14}$/);
  await page.getByLabel("预约单号").fill(number.toLowerCase());
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText(`预约单 ${number}`)).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "现场检定" })).toBeVisible();
  await shot(page, "reception-1280");
  await page.getByRole("button", { name: "全部接收" }).click();
  await expect(page.getByText("已接收 2 台器具")).toBeVisible();
  await page.getByRole("link", { name: /录入检定结果/ }).click();

  await expect(page.getByRole("heading", { name: "录入检定结果" })).toBeVisible();
  await expect(page.getByTestId("batch-row")).toHaveCount(2);
  // validUntil is pre-filled from the kind's period (R-RES-1).
  await expect(page.getByLabel("第 1 行 有效期至")).not.toHaveValue("");
  // Incomplete rows are refused before anything is sent.
  await page.getByRole("button", { name: "保存所选（2 台）" }).click();
  await expect(page.getByText("有 2 台器具的信息不完整")).toBeVisible();
  await expect(page.getByTestId("batch-row").first()).toContainText("请填写检定员、核验员、批准人");

  await page.locator("#common-verifier").fill("李检定");
  await page.locator("#common-checker").fill("王核验");
  await page.locator("#common-approver").fill("陈批准");
  await page.getByRole("button", { name: "应用到所选" }).click();
  await expect(page.getByLabel("第 2 行 检定员")).toHaveValue("李检定");
  await expect(page.getByLabel("第 1 行 批准人")).toHaveValue("陈批准");
  // Keyboard: Enter moves to the same field one row down; the verdict is a toggle.
  await page.getByLabel("第 1 行 检定结论说明").fill("符合检定规程要求");
  await page.getByLabel("第 1 行 检定结论说明").press("Enter");
  await expect(page.getByLabel("第 2 行 检定结论说明")).toBeFocused();
  await page.keyboard.type("示值误差超出最大允许误差");
  await page.getByRole("button", { name: /第 2 行 检定结论：合格/ }).click();
  await expect(page.getByRole("button", { name: /第 2 行 检定结论：不合格/ })).toBeVisible();
  await shot(page, "batch-entry-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page);
  await shot(page, "batch-entry-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "保存所选（2 台）" }).click();
  await expect(page.getByText("已录入 2 台器具的检定结果：出具检定证书 1 份、检定结果通知书 1 份；预约单已完检")).toBeVisible();

  await page.goto("/institution/results");
  await page.getByRole("tab", { name: "已录入结果" }).click();
  await page.getByLabel("预约单号").fill(number);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("row").filter({ hasText: "不合格" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "合格" })).toHaveCount(2);
  await shot(page, "results-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page);
  await shot(page, "results-390");
});
