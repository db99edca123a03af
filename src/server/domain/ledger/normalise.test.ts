import { describe, expect, it } from "vitest";
import { normaliseForDuplicates } from "./normalise";

describe("duplicate key normalisation", () => {
  it("R-LED-1 folds full-width, trims and ignores case", () => {
    expect(normaliseForDuplicates("　ＳＮ－００１ａ ")).toBe("sn-001a");
    expect(normaliseForDuplicates("Sn-001A")).toBe("sn-001a");
    expect(normaliseForDuplicates("上海  某某   仪表厂")).toBe("上海 某某 仪表厂");
  });
});
