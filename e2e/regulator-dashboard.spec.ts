import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { shot } from "./fixtures/shots";

test.describe.configure({ mode: "serial" });
// Data-dependent waits: the first dashboard query of a fresh server on a loaded machine can take a while.
const LOAD = { timeout: 30_000 };

const BUCKETS = ["all", "due", "overdue", "invalid", "valid", "failed"] as const;

/**
 * The list behind a number, counted the direct way: every page of 辖区仪器 (jurisdiction.instruments, a scan of
 * the instruments with the bucket's WHERE clause, not the statistics layer) for the region, as the signed-in
 * regulator. (The regulator's own 辖区仪器 page is built by another branch; its query is this one's twin.)
 */
async function listCount(page: Page, regionCode: string, bucket: (typeof BUCKETS)[number], enterpriseName?: string) {
  let cursor: number | null = null;
  let n = 0;
  do {
    const input = encodeURIComponent(JSON.stringify({ json: { bucket, regionCode, limit: 200, cursor } }));
    const res = await page.request.get(`/api/trpc/jurisdiction.instruments?input=${input}`);
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { result: { data: { json: { items: { enterpriseName: string }[]; nextCursor: number | null } } } };
    const data = body.result.data.json;
    n += enterpriseName ? data.items.filter((i) => i.enterpriseName === enterpriseName).length : data.items.length;
    cursor = data.nextCursor;
  } while (cursor);
  return n;
}

const num = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/,/g, ""));

test("issue 12 #2 the province regulator drills down 广东省 → 广州市 → 白云区 → an enterprise; the numbers match the lists behind them", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "gdscjg");
  await page.getByRole("link", { name: "统计分析" }).first().click();
  await expect(page.getByRole("heading", { name: "统计分析", level: 1 })).toBeVisible();
  await expect(page.getByTestId("stat-breadcrumb")).toContainText("广东省", LOAD);
  await expect(page.getByTestId("stat-table").locator("tbody tr")).toHaveCount(21, LOAD);
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible(LOAD);
  await shot(page, "regulator-dashboard-province-1280");

  await page.getByTestId("stat-row-4401").getByRole("button", { name: "广州市" }).click();
  await expect(page.getByTestId("stat-breadcrumb")).toContainText("广州市", LOAD);
  await expect(page).toHaveURL(/region=4401/);
  const baiyun = page.getByTestId("stat-row-440111");
  await expect(baiyun).toBeVisible(LOAD);
  // The 白云区 row of the city view against the direct lists of 白云区.
  const row: Record<string, number> = {};
  for (const b of BUCKETS) row[b] = Number((await baiyun.getByTestId(`cell-${b}`).innerText()).replace(/,/g, ""));
  for (const b of BUCKETS) expect([b, row[b]]).toEqual([b, await listCount(page, "440111", b)]);
  expect(row.all).toBeGreaterThan(0);
  await shot(page, "regulator-dashboard-city-1280");

  await baiyun.getByRole("button", { name: "白云区" }).click();
  await expect(page.getByTestId("stat-breadcrumb")).toContainText("白云区", LOAD);
  for (const b of BUCKETS) expect([b, await num(page, `card-${b}`)]).toEqual([b, row[b]]);
  // The county lists its enterprises a page at a time (20, most instruments first), with how many there are.
  const enterprises = page.locator("[data-testid^='stat-row-e']");
  await expect(enterprises.first()).toBeVisible(LOAD);
  const total = Number((await page.getByTestId("stat-enterprise-count").innerText()).match(/共 ([\d,]+) 家/)![1]!.replace(/,/g, ""));
  await expect(enterprises).toHaveCount(Math.min(total, 20));
  const alls = await enterprises.getByTestId("cell-all").allInnerTexts();
  const counts = alls.map((t) => Number(t.replace(/,/g, "")));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await expect(page.getByText("第 1 页")).toBeVisible();
  await shot(page, "regulator-dashboard-county-1280");
  // An enterprise of 白云区: its row against the list behind it, and its link carries the region, bucket and enterprise.
  const station = page.locator("[data-testid^='stat-row-e']").filter({ hasText: "广州示例加油站有限公司" });
  await expect(station).toBeVisible(LOAD);
  for (const b of BUCKETS) {
    const shown = Number((await station.getByTestId(`cell-${b}`).innerText()).replace(/,/g, ""));
    expect([b, shown]).toEqual([b, await listCount(page, "440111", b, "广州示例加油站有限公司（示例）")]);
  }
  const href = await station.getByTestId("cell-overdue").getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/regulator\/instruments\?region=440111&bucket=overdue&enterprise=\d+$/);

  // The breadcrumb leads back up.
  await page.getByTestId("stat-breadcrumb").getByRole("button", { name: "广东省" }).click();
  await expect(page.getByTestId("stat-table").locator("tbody tr")).toHaveCount(21, LOAD);
});

test("issue 12 #2 the dashboard is readable at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "gdscjg");
  await page.goto("/regulator/statistics?region=4401");
  await expect(page.getByTestId("stat-row-440111")).toBeVisible(LOAD);
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible(LOAD);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "regulator-dashboard-city-390");
  await page.goto("/regulator/statistics?region=440111");
  await expect(page.getByTestId("stat-enterprise-count")).toBeVisible(LOAD);
  await expect(page.getByText("第 1 页")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shot(page, "regulator-dashboard-county-390");
});

test("issue 12 #7 the forecast marks the week where seeded demand exceeds the institution's capacity", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "gdscjg");
  await page.getByRole("link", { name: "负荷预测" }).first().click();
  await expect(page.getByRole("heading", { name: "负荷预测", level: 1 })).toBeVisible();
  const row = page.getByTestId("forecast-institutions").locator("tr").filter({ hasText: "韶关市浈江区计量检定所（示例）" });
  await expect(row).toContainText("1 周", LOAD);
  await row.getByRole("button", { name: "逐周" }).click();
  const over = page.getByTestId("forecast-weeks").getByTestId("forecast-over");
  await expect(over).toHaveCount(1);
  await expect(over).toContainText("超出容量");
  await expect(over).toContainText("20");
  await shot(page, "regulator-forecast-1280");
});
