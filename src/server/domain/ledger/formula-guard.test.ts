import { describe, expect, it } from "vitest";
import { neutraliseFormula, unquoteFormula } from "./formula-guard";

describe("issue 9 #8 Excel formula neutralising", () => {
  it("prefixes = + - @ tab and carriage return with a quote, and nothing else", () => {
    for (const s of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ["燃油加油机", "CS46", "", "1=1", "a-b"]) expect(neutraliseFormula(s)).toBe(s);
    expect(neutraliseFormula(3)).toBe(3);
  });
  it("the import takes the quote off again, so an export round-trips", () => {
    for (const s of ["=1+1", "-20~50℃", "@x", "'plain", "plain"]) expect(unquoteFormula(String(neutraliseFormula(s)))).toBe(s);
  });
});
