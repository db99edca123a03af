import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInAs } from "./fixtures/auth";

const accounts = [
  { username: "admin", home: "/admin", org: "强检通平台运营中心（示例）", menu: "审计日志" },
  { username: "gdscjg", home: "/regulator", org: "广东省市场监督管理局（示例）" },
  { username: "gzscjg", home: "/regulator", org: "广州市市场监督管理局（示例）" },
  { username: "byscjg", home: "/regulator", org: "广州市白云区市场监督管理局（示例）" },
  { username: "gzjly", home: "/institution", org: "广州市计量检测技术研究院（示例）" },
  { username: "byjls", home: "/institution", org: "广州市白云区计量检定所（示例）" },
  { username: "sqjg", home: "/institution", org: "广东示例计量检测有限公司（授权机构，示例）" },
  { username: "jyzqy", home: "/enterprise", org: "广州示例加油站有限公司（示例）" },
  { username: "yyqy", home: "/enterprise", org: "广州天河示例医院（示例）" },
];

test.describe("sign-in per role", () => {
  for (const a of accounts) {
    test(`R-ACC-2 ${a.username} signs in and lands on ${a.home}`, async ({ page }) => {
      await signInAs(page, a.username);
      await expect(page).toHaveURL(a.home);
      await expect(page.getByTestId("home-org-name")).toHaveText(a.org);
      if (a.menu) await expect(page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: a.menu })).toBeVisible();
    });
  }
});

test("a signed-out visitor of a role page is sent to sign in", async ({ page }) => {
  await page.goto("/institution");
  await expect(page).toHaveURL(/\/login\?next=%2Finstitution/);
});

test("a signed-in user opening another role's pages goes to their own home", async ({ page }) => {
  await signInAs(page, "jyzqy");
  await page.goto("/admin/audit");
  await expect(page).toHaveURL("/enterprise");
});

test("R-ACC-2 wrong password shows a Chinese message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("yyqy");
  await page.getByLabel("密码").fill("Wrong@2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("R-ACC-2 the 6th attempt after 5 failures is refused as locked, even with the right password", async ({ page }) => {
  await page.goto("/login");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("用户名").fill("byscjg");
    await page.getByLabel("密码").fill(`Wrong@${i}abc`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await expect(page.getByTestId("login-error")).toContainText("账户已锁定 15 分钟");
  await page.getByLabel("用户名").fill("byscjg");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toContainText("账户已锁定");
  await expect(page).toHaveURL(/\/login/);
});

test("R-ACC-5 sign-out ends the session", async ({ page }) => {
  await signInAs(page, "gzjly");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByTestId("login-notice")).toHaveText("您已安全退出。");
  await page.goto("/institution");
  await expect(page).toHaveURL(/\/login/);
  // The old session cookie, replayed, no longer works either.
  await page.context().addCookies(cookies);
  const res = await page.request.get("/api/trpc/me.home");
  expect(res.status()).toBe(401);
});

test("R-ACC-5 an expired session answers 401 and the login page says why", async ({ page }) => {
  await page.goto("/login?expired=1");
  await expect(page.getByTestId("login-notice")).toContainText("登录已过期");
  const res = await page.request.get("/api/trpc/me.home");
  expect(res.status()).toBe(401);
  expect(await res.text()).toContain("请先登录");
});

test("issue 9 #19 /favicon.ico and the linked icon answer 200 with an image", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\//);
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<svg");
});
