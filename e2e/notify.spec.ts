import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { shot } from "./fixtures/shots";

// Issue 13 #2 (Playwright): the issue names an appointment confirmation; appointments are not built yet, so a
// filing approval — an event that exists — drives the enterprise's bell here.

/** The bell's unread count once it has loaded (data-unread is set when the count arrived). */
const unread = async (page: Page) => {
  const bell = page.getByTestId("message-bell");
  await expect(bell).toHaveAttribute("data-unread", /^\d+$/);
  return Number(await bell.getAttribute("data-unread"));
};

test("issue 13 #2 a filing approval appears in the enterprise's bell and the unread count drops when it is read", async ({ page, browser }) => {
  test.setTimeout(120_000); // two accounts, the worker's delivery, the settings page
  await signInAs(page, "jyzqy");
  await expect(page.getByTestId("message-bell")).toBeVisible();
  const before = await unread(page);

  // The city institute approves the seeded pending filing BA-0015 (in another browser).
  const inst = await browser.newContext();
  const ip = await inst.newPage();
  await signInAs(ip, "gzjly");
  await ip.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "备案审核" }).click();
  await expect(ip.getByRole("checkbox", { name: /^选择 BA-/ }).first()).toBeVisible();
  // A retry finds BA-0015 approved by the first attempt, its message already delivered (and still unread).
  const pending = (await ip.getByRole("checkbox", { name: "选择 BA-0015" }).count()) > 0;
  expect(pending || test.info().retry > 0).toBe(true);
  if (pending) {
    await ip.getByRole("checkbox", { name: "选择 BA-0015" }).click();
    await ip.getByRole("button", { name: "审核通过" }).click();
    await expect(ip.getByText("已审核通过 1 条")).toBeVisible();
  }
  await inst.close();

  // R-NTF-1: the server's worker delivers the in-app message after the decision committed; the bell counts it.
  // (The daily expiry sweep of the fresh server may add its own warnings meanwhile: at least one more.)
  await expect(async () => {
    await page.reload();
    expect(await unread(page)).toBeGreaterThanOrEqual(pending ? before + 1 : 1);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("message-bell")).toHaveAttribute("aria-label", /^站内消息，\d+ 条未读$/);
  await shot(page, "notify-bell-1280");

  await page.getByTestId("message-bell").click();
  await expect(page.getByRole("heading", { name: "站内消息" })).toBeVisible();
  const msg = page.getByTestId("message").filter({ hasText: "备案已通过" }).first();
  // The count may have risen by the fresh server's first sweep before the approval itself was delivered:
  // reload the list until it shows.
  await expect(async () => {
    await page.reload();
    await expect(msg).toContainText("未读", { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(msg.getByTestId("message-body")).toContainText(/已由广州市计量检测技术研究院.*备案通过/);
  await expect(msg.getByRole("link", { name: "查看详情" })).toHaveAttribute("href", "/enterprise/filings");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "notify-messages-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  const count = await unread(page);
  await msg.getByRole("button", { name: "标为已读" }).click();
  await expect(msg).not.toContainText("未读");
  await expect(page.getByTestId("message-bell")).toHaveAttribute("data-unread", String(count - 1));

  // 全部标为已读 empties the unread view.
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await page.getByRole("button", { name: "未读", exact: true }).click();
  await expect(page.getByText("没有未读消息")).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveCount(0);

  // Preferences and the organisation's webhook (the owner sees both); a loopback webhook is refused (SSRF).
  await page.getByRole("link", { name: "通知设置" }).click();
  await expect(page.getByRole("checkbox", { name: "备案通过：短信" })).not.toBeChecked();
  await page.getByRole("checkbox", { name: "备案通过：短信" }).click();
  await page.getByRole("button", { name: "保存接收方式" }).click();
  await expect(page.getByText("通知设置已保存")).toBeVisible();
  await page.getByLabel("推送地址").fill("http://127.0.0.1:9/hook");
  await page.getByRole("button", { name: "生成" }).click();
  await page.getByRole("button", { name: "保存 Webhook" }).click();
  await expect(page.getByText(/内网或本机地址/)).toBeVisible();
  await shot(page, "notify-settings-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "notify-settings-390");
});
