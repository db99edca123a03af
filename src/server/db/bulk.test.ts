import { describe, expect, it } from "vitest";
import { copyLine, copyText } from "./bulk";

describe("COPY text of bulk-written rows (issue 14 item 3)", () => {
  it("issue 14 item 3: escapes backslash, tab, newline and carriage return; null is \\N; numbers and arrays as PostgreSQL reads them", () => {
    expect(copyText("燃油加油机")).toBe("燃油加油机");
    expect(copyText("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyText(null)).toBe("\\N");
    expect(copyText(undefined)).toBe("\\N");
    expect(copyText(0)).toBe("0");
    expect(copyText(["岛1", 'say "hi"', "back\\slash", "tab\there"])).toBe('{"岛1","say \\\\"hi\\\\"","back\\\\\\\\slash","tab\\there"}');
    expect(copyLine([1, "x\ty", null])).toBe("1\tx\\ty\t\\N\n");
  });
});
