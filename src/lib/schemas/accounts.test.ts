import { describe, expect, it } from "vitest";
import {
  changePasswordInput,
  departmentName,
  fieldErrorsOf,
  registrationSchemas,
  resetPasswordInput,
  enterpriseRegistration,
  isValidResidentId,
  isValidUscc,
  passwordSchema,
  personalRegistration,
  regulatorRegistration,
  usernameSchema,
} from "./accounts";

const enterprise = {
  username: "hzqy01",
  password: "Abcdef12",
  confirmPassword: "Abcdef12",
  phone: "13900000001",
  smsCode: "123456",
  email: "",
  name: "广州示例有限公司",
  uscc: "91440105MA5AAAAA01",
  enterpriseType: "有限责任公司",
  regionCode: "440105",
  address: "示例路 1 号",
  legalRepresentative: "陈示例",
  legalRepresentativeIdNo: "440106199001011235",
  contactName: "王示例",
};

describe("R-ACC-1 check digits through stdnum", () => {
  it("R-ACC-1 accepts USCCs with a correct GB 32100 check digit", () => {
    expect(isValidUscc("91440111MA59D3M10X")).toBe(true);
    expect(isValidUscc("91440105MA5AAAAA01")).toBe(true);
  });
  it("R-ACC-1 refuses a USCC whose check digit is wrong, too short or with illegal letters", () => {
    expect(isValidUscc("91440111MA59D3M10Y")).toBe(false);
    expect(isValidUscc("91440111MA59D3M10")).toBe(false);
    expect(isValidUscc("91440105MA59TEST09")).toBe(false);
  });
  it("R-ACC-1 accepts resident IDs with a correct GB 11643 check digit (also X)", () => {
    expect(isValidResidentId("440106199001011235")).toBe(true);
    expect(isValidResidentId("11010519491231002X")).toBe(true);
  });
  it("R-ACC-1 refuses a resident ID with a wrong check digit (the manual's own example fails)", () => {
    expect(isValidResidentId("440106199001011236")).toBe(false);
    expect(isValidResidentId("230183198808140728")).toBe(false);
  });
  it("R-ACC-1 the enterprise form names the bad USCC and the bad ID number in Chinese", () => {
    const r = enterpriseRegistration.safeParse({ ...enterprise, uscc: "91440105MA5AAAAA02", legalRepresentativeIdNo: "440106199001011236" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(messages).toContain("uscc:统一社会信用代码无效（应为 18 位，校验位须符合 GB 32100）");
    expect(messages).toContain("legalRepresentativeIdNo:身份证号码无效（应为 18 位，校验位须符合 GB 11643）");
  });
  it("R-ACC-1 lower-case USCC input is normalised to upper case", () => {
    const r = enterpriseRegistration.safeParse({ ...enterprise, uscc: "91440111ma59d3m10x" });
    expect(r.success && r.data.uscc).toBe("91440111MA59D3M10X");
  });
});

describe("R-ACC-2 password rules", () => {
  it("R-ACC-2 accepts 8–20 characters with digits, upper and lower case", () => {
    expect(passwordSchema.safeParse("Abcdef12").success).toBe(true);
    expect(passwordSchema.safeParse("Abcdefghij1234567890").success).toBe(true);
  });
  it("R-ACC-2 refuses short, long, and passwords missing a class", () => {
    for (const bad of ["Abc12", "Abcdefghij12345678901", "abcdefg12", "ABCDEFG12", "Abcdefghi", "Abcd 1234"])
      expect(passwordSchema.safeParse(bad).success, bad).toBe(false);
  });
  it("R-ACC-2 a mismatched confirmation is refused with a Chinese message", () => {
    const r = personalRegistration.safeParse({
      username: "grzh01",
      password: "Abcdef12",
      confirmPassword: "Abcdef13",
      phone: "13900000001",
      smsCode: "123456",
      displayName: "张三",
      idNumber: "440106199001011235",
      regionCode: "440106",
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === "confirmPassword")?.message).toBe("两次输入的密码不一致");
  });
});

describe("account fields", () => {
  it("usernames are 4–20 letters or digits, stored lower-case", () => {
    expect(usernameSchema.parse("HzQy01")).toBe("hzqy01");
    expect(usernameSchema.safeParse("abc").success).toBe(false);
    expect(usernameSchema.safeParse("ab_cd").success).toBe(false);
  });
  it("regulator department names look like xxxx市场监督管理局 (seed 000 附件1)", () => {
    const base = { ...enterprise, level: "city", regionCode: "4401" };
    expect(regulatorRegistration.safeParse({ ...base, name: "广州市市场监督管理局" }).success).toBe(true);
    expect(regulatorRegistration.safeParse({ ...base, name: "广州市计量所" }).success).toBe(false);
  });
  it("department names have at most 8 characters (seed 003)", () => {
    expect(departmentName.safeParse("设备管理部").success).toBe(true);
    expect(departmentName.safeParse("一二三四五六七八").success).toBe(true);
    expect(departmentName.safeParse("一二三四五六七八九").success).toBe(false);
  });
});

describe("issue 9 #12 every registration error at once", () => {
  it("a password mismatch is reported together with the bad USCC, weak password, short phone and empty required fields", () => {
    const r = enterpriseRegistration.safeParse({ ...enterprise, uscc: "91440105MA5AAAAA02", password: "abc", confirmPassword: "abd", phone: "1390000", name: "", address: " " });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(Object.keys(errors).sort()).toEqual(["address", "confirmPassword", "name", "password", "phone", "uscc"]);
    expect(errors.confirmPassword).toBe("两次输入的密码不一致");
  });
  it("the same holds for every registration path and for password reset and change", () => {
    for (const kind of ["enterprise", "institution", "regulator", "personal"] as const) {
      const r = registrationSchemas[kind].safeParse({ username: "ab", password: "Abcdef12", confirmPassword: "Abcdef13" });
      const errors = fieldErrorsOf(r.error!);
      expect(errors.confirmPassword, kind).toBe("两次输入的密码不一致");
      expect(errors.username, kind).toBeDefined();
    }
    const reset = resetPasswordInput.safeParse({ username: "ab", phone: "1", code: "1", password: "Abcdef12", confirmPassword: "x" });
    expect(Object.keys(fieldErrorsOf(reset.error!)).sort()).toEqual(["code", "confirmPassword", "phone", "username"]);
    const change = changePasswordInput.safeParse({ oldPassword: "Abcdef12", password: "Abcdef12", confirmPassword: "x" });
    expect(fieldErrorsOf(change.error!)).toMatchObject({ confirmPassword: "两次输入的密码不一致", password: "新密码不能与原密码相同" });
  });
});
