import { describe, expect, it } from "vitest";
import { covers, routeFiling, type CandidateInstitution } from "./routing";

const baiyun = { provinceCode: "44", cityCode: "4401", countyCode: "440111" };
const tianhe = { provinceCode: "44", cityCode: "4401", countyCode: "440106" };
const city: CandidateInstitution = { id: 1, name: "市院", level: "city", institutionKind: "legal", regionCode: "4401", regionCodes: [] };
const county: CandidateInstitution = { id: 2, name: "区所", level: "county", institutionKind: "legal", regionCode: "440111", regionCodes: [] };
const province: CandidateInstitution = { id: 3, name: "省院", level: "province", institutionKind: "legal", regionCode: "44", regionCodes: [] };
const authorised: CandidateInstitution = { id: 4, name: "授权", level: "city", institutionKind: "authorised", regionCode: "4401", regionCodes: [] };

describe("routing", () => {
  it("R-FIL-1 default coverage is the legal institution's jurisdiction; explicit regions override it", () => {
    expect(covers(county, baiyun)).toBe(true);
    expect(covers(county, tianhe)).toBe(false);
    expect(covers({ ...county, regionCodes: ["440106"] }, tianhe)).toBe(true);
    expect(covers({ ...county, regionCodes: ["440106"] }, baiyun)).toBe(false);
  });
  it("R-FIL-1 authorised institutions are eligible only through explicit regions in their capability rows", () => {
    expect(covers(authorised, baiyun)).toBe(false);
    expect(covers({ ...authorised, regionCodes: ["4401"] }, baiyun)).toBe(true);
  });
  it("R-FIL-1 recommends the lowest level: county, else city, else province; lists city level first", () => {
    const r = routeFiling(baiyun, [province, county, city, { ...authorised, regionCodes: ["4401"] }]);
    expect(r.recommendedId).toBe(2);
    expect(r.eligible.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(routeFiling(tianhe, [province, county, city]).recommendedId).toBe(1);
    expect(routeFiling(tianhe, [province, county]).recommendedId).toBe(3);
    expect(routeFiling(tianhe, [county])).toEqual({ eligible: [], recommendedId: null });
  });
});
