import { describe, expect, it } from "vitest";
import { noticeExcerpt, noticeTransition, sanitizeNoticeHtml } from "./sanitize";

describe("issue 12 item 4: notice text is sanitised", () => {
  it("removes script, event handlers and javascript: links, keeps text and safe links", () => {
    const out = sanitizeNoticeHtml(
      '<p onclick="alert(1)">关于开展加油机专项检查的通知<script>alert("x")</script></p><a href="javascript:alert(1)">点我</a><a href="JaVaScRiPt:alert(2)">再点</a>' +
        '<a href="https://www.samr.gov.cn/">市场监管总局</a><img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe><svg onload="alert(4)"></svg><style>p{}</style>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|onload|javascript|iframe|svg|style/i);
    expect(out).toContain("关于开展加油机专项检查的通知");
    expect(out).toContain('href="https://www.samr.gov.cn/"');
    expect(out).toContain("点我");
  });
  it("refuses a text that is empty once cleaned", () => {
    expect(() => sanitizeNoticeHtml("<script>alert(1)</script>")).toThrow(/正文/);
  });
  it("excerpt is plain text", () => {
    expect(noticeExcerpt("<p>一<b>二</b></p><script>x</script>")).toBe("一二");
    expect(noticeExcerpt("<table><tr><td>单位</td><td>数量</td></tr></table><p>公示期</p>")).toBe("单位 数量 公示期");
  });
  it("publish from draft or withdrawn, withdraw only published", () => {
    expect(noticeTransition("draft", "publish")).toBe("published");
    expect(noticeTransition("withdrawn", "publish")).toBe("published");
    expect(noticeTransition("published", "withdraw")).toBe("withdrawn");
    expect(() => noticeTransition("published", "publish")).toThrow();
    expect(() => noticeTransition("draft", "withdraw")).toThrow();
  });
});
