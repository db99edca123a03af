import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pdfQr } from "../tests/helpers/pdf";
import { signInAs } from "./fixtures/auth";
import { shot } from "./fixtures/shots";

/**
 * Issue 11 item 3 (R-PUB-4) on a phone: the petrol station (jyzqy) downloads its certificate for YY-0006
 * (demo chain), opens the `/v/` page its QR names, and checks files there — the browser hashes them itself.
 * Retry-safe: a second run downloads the same fixed file.
 */
test("R-PUB-4 the /v/ page says 一致 for the issued PDF and 不一致 for a copy with one byte changed (390 px)", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "jyzqy");
  await page.goto("/enterprise/certificates");
  await page.getByLabel("搜索").fill("YY-0006");
  await page.getByRole("button", { name: "查询" }).click();
  const row = page.getByTestId("document-YY-0006");
  await expect(row).toHaveCount(1);
  const [file] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /下载/ }).click()]);
  const pdf = readFileSync((await file.path())!);
  const hash = createHash("sha256").update(pdf).digest("hex");
  const url = pdfQr(pdf);
  expect(url).toMatch(new RegExp(`^${baseURL}/v/[A-Za-z0-9_-]{24}$`));

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  phone.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await phone.goto(url!);
  await expect(phone.getByRole("heading", { name: "核对证书文件" })).toBeVisible();
  await expect(phone.getByTestId("file-hash")).toHaveText(hash);
  const result = phone.getByTestId("file-result");

  await phone.getByLabel("选择证书 PDF 文件").setInputFiles({ name: file.suggestedFilename(), mimeType: "application/pdf", buffer: pdf });
  await expect(result).toHaveAttribute("data-result", "match");
  await expect(result).toContainText("✓ 一致");
  await expect(result).toContainText("与签发的证书文件完全一致");
  await expect(result).not.toContainText("不一致");
  await expect(result).toHaveClass(/valid/);
  await shot(phone, "certificate-check-match-390");

  const tampered = Buffer.from(pdf);
  const at = tampered.indexOf("stream\n") + 17;
  tampered[at] = tampered[at]! ^ 0x01;
  await phone.getByLabel("选择证书 PDF 文件").setInputFiles({ name: "改过的证书.pdf", mimeType: "application/pdf", buffer: tampered });
  await expect(result).toHaveAttribute("data-result", "mismatch");
  await expect(result).toContainText("✕ 不一致");
  await expect(result).toContainText("已被修改或不是本证书");
  await expect(result).toHaveClass(/revoked/);
  await shot(phone, "certificate-check-mismatch-390");
  // The CSP let the page's one script run and blocked nothing.
  expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);

  await phone.setViewportSize({ width: 1280, height: 900 });
  await shot(phone, "certificate-check-mismatch-1280");
  await phone.close();
});
