import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { pdfQr, pdfText } from "../tests/helpers/pdf";
import { signInAs } from "./fixtures/auth";
import { shot, shotPath } from "./fixtures/shots";

/**
 * Issue 10 items 7 and 8 in the browser, on the demo chain: the hospital (yyqy) has YY-0105 (certificate),
 * YY-0106 (fail notice) and YY-0107 (certificate with an unpaid 80.00 元 fee) from the city institute
 * (gzjly); the petrol station (jyzqy) has YY-0006 from the Baiyun county institute (byjls).
 */
test.describe.configure({ mode: "serial" });

async function openCertificates(page: Page, serial: string) {
  const width = page.viewportSize()?.width ?? 1280;
  // The menu is in the sidebar on a desktop, behind the menu button on a phone.
  if (width >= 1024) await page.getByRole("link", { name: /^证书/ }).first().click();
  else await page.goto(page.url().includes("/institution") ? "/institution/certificates" : "/enterprise/certificates");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("证书");
  await page.getByLabel("搜索").fill(serial);
  await page.getByRole("button", { name: "查询" }).click();
  const row = page.getByTestId(`document-${serial}`);
  await expect(row).toHaveCount(1);
  return row;
}

/** Clicks a download link and returns the file's bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test("R-RES-3 R-PUB-1 the enterprise downloads a certificate PDF; rendered with pdftoppm, its QR decodes to /v/{token}, which answers 有效 without sign-in", async ({ page, baseURL, browser }) => {
  // Three downloads, pdftoppm renderings and a second browser page: more than the default minute on a loaded machine.
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "yyqy");
  const row = await openCertificates(page, "YY-0105");
  await expect(row).toContainText("检定证书");
  await shot(page, "certificates-enterprise-1280");
  const pdf = await download(page, () => row.getByRole("link", { name: /下载/ }).click());
  expect(pdf.name).toMatch(/^检定证书-.+\.pdf$/);
  expect(pdf.bytes.byteLength).toBeLessThan(200 * 1024);
  const text = pdfText(pdf.bytes);
  expect(text).toContain("YY-0105");
  expect(text).toContain("广州市计量检测技术研究院");
  await row.getByRole("checkbox").check();
  const zip = await download(page, () => page.getByTestId("download-zip").click());
  expect(zip.name).toMatch(/\.zip$/);
  expect(zip.bytes.subarray(0, 2).toString()).toBe("PK");
  const url = pdfQr(pdf.bytes, shotPath("certificate-YY-0105-pdf"));
  expect(url).toMatch(new RegExp(`^${baseURL}/v/[A-Za-z0-9_-]{24}$`));

  // Anyone with a phone: a fresh browser without a session opens the QR's address.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const res = await phone.goto(url!);
  expect(res!.status()).toBe(200);
  await expect(phone.getByTestId("verify-state")).toContainText(/有效|即将到期/);
  await expect(phone.getByTestId("verify-number")).toHaveText(text.match(/证书编号：(\S+)/)![1]!);
  await expect(phone.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await shot(phone, "verify-390");

  // The same certificate from the instrument's details page.
  await row.getByRole("link", { name: /温度计|体温计/ }).click();
  await page.waitForURL(/\/enterprise\/instruments\/\d+$/, { timeout: 30_000 });
  const section = page.getByRole("region", { name: "检定证书" });
  await expect(section.getByTestId("document-YY-0105")).toBeVisible();
  const again = await download(page, () => section.getByRole("link", { name: /下载/ }).click());
  expect(pdfQr(again.bytes)).toBe(url);

  await page.setViewportSize({ width: 390, height: 844 });
  await openCertificates(page, "YY-0105");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "certificates-enterprise-390");
  await phone.close();
});

test("R-PUB-1 a tampered or unknown token is a friendly 404 in Chinese", async ({ page }) => {
  const res = await page.goto("/v/AAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res!.status()).toBe(404);
  await expect(page.getByTestId("verify-not-found")).toContainText("未找到该证书");
  const bad = await page.goto("/v/not-a-token");
  expect(bad!.status()).toBe(404);
  await expect(page.getByTestId("verify-not-found")).toBeVisible();
});

test("R-RES-4 an unpaid fee blocks the enterprise's download (page says 待缴费 and why; the route refuses)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "yyqy");
  const row = await openCertificates(page, "YY-0107");
  await expect(row.getByTestId("fee-block")).toContainText("待缴费：需缴纳费用 80.00 元");
  await expect(row.getByRole("link", { name: /下载/ })).toHaveCount(0);
  const id = await row.getAttribute("data-id");
  const res = await page.request.get(`/api/certificates/${id}`);
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { message: string }).message).toContain("检定机构确认缴费后方可下载");
  await shot(page, "certificates-fee-blocked-1280");
});

test("R-RES-4 the institution marks the fee paid", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "gzjly");
  const row = await openCertificates(page, "YY-0107");
  await expect(row).toContainText("待缴费 80.00 元");
  await row.getByRole("button", { name: "费用" }).click();
  await expect(page.getByLabel("金额（元）")).toHaveValue("80.00");
  await shot(page, "certificates-fee-dialog-1280");
  await page.getByRole("button", { name: "确认已缴费" }).click();
  await expect(page.getByText("已确认缴费，企业现在可以下载证书")).toBeVisible();
  await expect(row).toContainText("已缴费 80.00 元");
});

test("R-RES-4 once paid, the enterprise downloads the certificate", async ({ page }) => {
  await signInAs(page, "yyqy");
  const row = await openCertificates(page, "YY-0107");
  await expect(row.getByTestId("fee-block")).toHaveCount(0);
  const pdf = await download(page, () => row.getByRole("link", { name: /下载/ }).click());
  expect(pdfText(pdf.bytes)).toContain("YY-0107");
});

test("R-RES-2 the institution re-issues a fail notice: the old number is 已撤销 (its QR says so), the new one replaces it", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "gzjly");
  const row = await openCertificates(page, "YY-0106");
  const old = await download(page, () => row.getByRole("link", { name: /下载/ }).click());
  const oldUrl = pdfQr(old.bytes)!;
  const oldNumber = pdfText(old.bytes).match(/通知书编号：(\S+)/)![1]!;
  await row.getByRole("button", { name: "重新出具" }).click();
  await page.getByRole("button", { name: "撤销并重新出具" }).click();
  await expect(page.getByText("请填写重新出具的原因")).toBeVisible();
  await page.getByLabel("重新出具原因").fill("器具型号规格填写有误");
  await page.getByRole("button", { name: "撤销并重新出具" }).click();
  await expect(page.getByText(/已重新出具，新编号/)).toBeVisible();
  const rows = page.getByTestId("document-YY-0106");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: oldNumber })).toContainText("已撤销");
  await expect(rows.filter({ hasText: "重新出具，替代原证书" })).toContainText("不合格");
  await shot(page, "certificates-institution-1280");

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(oldUrl);
  await expect(phone.getByTestId("verify-state")).toContainText("已撤销");
  await shot(phone, "verify-revoked-390");
  await phone.close();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("证书管理");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "certificates-institution-390");
});
