import { request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { labelGeometry } from "../src/server/domain/public/label-layout";
import { decodeQr, renderPdf } from "../tests/helpers/qr";
import { signInAs } from "./fixtures/auth";

const SHOTS = process.env.SHOTS_DIR;
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

/** /i/ URLs decoded from the printed label sheet: YY-0105 (certificate), YY-0106 (fail notice), YY-0107. */
let labelUrls: string[] = [];
let certificateNumber = "";

test("R-PUB-3 the hospital prints an A4 label sheet of three instruments; every QR decodes to its /i/ page", async ({ page }) => {
  test.setTimeout(180_000); // sign-in, the ledger and a PDF: slow on a shared CI machine
  await signInAs(page, "yyqy");
  await page.goto("/enterprise/instruments");
  await page.locator("#ledger-q").fill("YY-010");
  await page.getByRole("button", { name: "查询" }).click();
  for (const serial of ["YY-0105", "YY-0106", "YY-0107"]) await page.getByRole("checkbox", { name: `选择 ${serial}` }).first().check();
  const download = page.waitForEvent("download");
  await page.getByTestId("print-labels-a4").click();
  const file = await (await download).path();
  const pdf = readFileSync(file!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const [sheet] = renderPdf(pdf, 150);
  const g = labelGeometry("a4", 3);
  labelUrls = g.boxes.map((b) => decodeQr(sheet!, { x: b.x / g.pageWidth, y: b.y / g.pageHeight, width: b.width / g.pageWidth, height: b.height / g.pageHeight })!);
  for (const u of labelUrls) expect(u).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]{24}$/);
  expect(new Set(labelUrls).size).toBe(3);
});

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("R-PUB-1 R-PUB-3 scanning YY-0105's label shows 有效 and opens its certificate, also 有效, without client scripts", async ({ page }) => {
    const res = await page.goto(labelUrls[0]!);
    expect(res!.status()).toBe(200);
    expect(res!.headers()["x-robots-tag"]).toContain("noindex");
    await expect(page.getByRole("status")).toContainText("有效");
    await expect(page.getByText("YY-0105")).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/label-valid-390.png`, fullPage: true });
    await page.getByRole("link", { name: /查看检定证书/ }).click();
    await expect(page).toHaveURL(/\/v\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("status")).toContainText("有效");
    await expect(page.getByText("李检定（示例）")).toBeVisible();
    await expect(page.getByText("王核验")).toHaveCount(0);
    expect(await page.locator("script").count()).toBe(0);
    certificateNumber = (await page.locator("div:has(> dt:text-is('证书编号')) > dd").textContent())!.trim();
    expect(certificateNumber).not.toBe("");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/certificate-valid-390.png`, fullPage: true });
  });

  test("R-PUB-1 the failed instrument's label and its fail notice read 不合格", async ({ page }) => {
    await page.goto(labelUrls[1]!);
    await expect(page.getByRole("status")).toContainText("不合格");
    await page.getByRole("link", { name: /查看检定结果通知书/ }).click();
    await expect(page.getByRole("status")).toContainText("不合格");
    await expect(page.getByRole("heading", { name: "检定结果通知书核验" })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/certificate-failed-390.png`, fullPage: true });
  });

  test("R-PUB-2 the home's search finds a certificate by its exact number only", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "办件公示" })).toBeVisible();
    await page.getByLabel("证书编号或器具编码").fill(certificateNumber);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/\/v\//);
    await expect(page.getByRole("status")).toContainText("有效");
    await page.goto("/");
    await page.getByLabel("证书编号或器具编码").fill(certificateNumber.slice(0, -2));
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByRole("heading", { name: /未找到/ })).toBeVisible();
    await expect(page.getByText("精确匹配")).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-390.png`, fullPage: true });
  });

  test("issue 11 #4 the home at 390 px: each 公示 record fits the screen with its 事项 and 结果; the latest notices open, drafts are not listed", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("publicity-cards").locator("li").first();
    await expect(card).toBeVisible();
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expect(card).toContainText(/检定|备案|预约/);
    await expect(card).toContainText(/合格|通过|办结|准予|不予|已/);
    const notices = page.getByTestId("home-notices");
    await expect(notices).toContainText("关于开展 2026 年度加油机计量专项监督检查的通知（示例）");
    await expect(notices).not.toContainText("草稿");
    await notices.getByRole("link", { name: /加油机计量专项监督检查/ }).click();
    await expect(page).toHaveURL(/\/notices\/\d+$/);
    await expect(page.getByRole("heading", { name: /加油机计量专项监督检查/ })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-notices-390.png`, fullPage: true });
  });

  test("R-PUB-1 an unknown or malformed token is a friendly Chinese 404", async ({ page }) => {
    for (const t of ["AAAAAAAAAAAAAAAAAAAAAAAA", "%27%20or%201%3D1"]) {
      const res = await page.goto(`/v/${t}`);
      expect(res!.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "未找到该证书" })).toBeVisible();
    }
  });
});

/** One GET from a chosen loopback source address (the server sees it as the client address). */
function getFrom(localAddress: string, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("issue 11 #8 the 61st lookup in a minute from one address is refused with a Chinese message; another address still gets through", async ({ baseURL }) => {
  const url = labelUrls[0]!.replace(/^https?:\/\/[^/]+/, baseURL!);
  for (let i = 0; i < 60; i++) expect((await getFrom("127.0.0.2", url)).status).toBe(200);
  const refused = await getFrom("127.0.0.2", url);
  expect(refused.status).toBe(429);
  expect(refused.body).toContain("查询过于频繁");
  expect((await getFrom("127.0.0.2", `${baseURL}/search?q=x`)).status).toBe(429);
  expect((await getFrom("127.0.0.3", url)).status).toBe(200);
});

test("issue 11 #7 the home and catalogue come from the page cache with a fresh nonce each time, and their scripts still run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to execute/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/", "/catalogue"]) {
    const first = await page.goto(path);
    const second = await page.goto(path);
    const nonces = [first, second].map((r) => r!.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(second!.headers()["age"]).toMatch(/^\d+$/); // served from memory
    expect(await second!.text()).toContain(`nonce="${nonces[1]}"`);
    // Next's client runtime started under the fresh nonce (it sets window.next when the page hydrates).
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
  }
  expect(violations).toEqual([]);
  // A link from the cached home is a client navigation (RSC), which is rendered by Next as before.
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "检定机构", exact: true }).click();
  await expect(page).toHaveURL(/\/institutions$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
