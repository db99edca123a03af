import { describe, expect, it } from "vitest";
import { safeFileName } from "./file-name";

describe("upload file names (issue 9 item 8)", () => {
  it("issue 9 item 8 keeps the base name only: no path, no / or \\", () => {
    expect(safeFileName("../../x.pdf")).toBe("x.pdf");
    expect(safeFileName("..\\..\\windows\\x.pdf")).toBe("x.pdf");
    expect(safeFileName("C:\\Users\\a\\营业执照.png")).toBe("营业执照.png");
    expect(safeFileName("/etc/passwd")).toBe("passwd");
    expect(safeFileName("型式评价报告.pdf")).toBe("型式评价报告.pdf");
  });
  it("issue 9 item 8 drops control and bidi characters; a name of dots or nothing gets the fallback", () => {
    expect(safeFileName("a\u0000b\r\n.pdf")).toBe("ab.pdf");
    expect(safeFileName("报告\u202Efdp.exe")).toBe("报告fdp.exe");
    expect(safeFileName("..")).toBe("未命名");
    expect(safeFileName("../")).toBe("未命名");
    expect(safeFileName("")).toBe("未命名");
    expect(safeFileName("\u0007")).toBe("未命名");
  });
  it("issue 9 item 8 a long name is cut to 200 characters, keeping its extension", () => {
    const out = safeFileName(`${"名".repeat(300)}.pdf`);
    expect(out).toHaveLength(200);
    expect(out.endsWith(".pdf")).toBe(true);
  });
});
