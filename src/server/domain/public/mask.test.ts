import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone, maskText } from "./mask";

describe("R-SCOPE-5 public masking", () => {
  it("masks the middle four digits of a mobile number, in any common spelling", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
    expect(maskPhone("138-0013-8000")).toBe("138****8000");
    expect(maskPhone("+86 13800138000")).toBe("+86 138****8000");
    expect(maskPhone(null)).toBeNull();
  });

  it("keeps a landline switchboard (an organisation's public line)", () => {
    expect(maskPhone("020-83001234")).toBe("020-83001234");
  });

  it("masks resident ID numbers down to the region and the last four", () => {
    expect(maskIdNumber("44011119900101123X")).toBe("440111********123X");
    expect(maskIdNumber("123")).toBe("***");
    expect(maskText("法人身份证 440111199001011234 号")).toBe("法人身份证 440111********1234 号");
  });

  it("keeps only the family name of a person", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李")).toBe("*");
  });

  it("masks phones and ID numbers inside free text, leaving other numbers alone", () => {
    expect(maskText("广州市天河区体育西路 191 号，联系 13912345678")).toBe("广州市天河区体育西路 191 号，联系 139****5678");
    expect(maskText("证书编号 GZJL2026000123，电话 020-83001234")).toBe("证书编号 GZJL2026000123，电话 020-83001234");
    expect(maskText("序列号 213800138000")).toBe("序列号 213800138000");
  });
});
