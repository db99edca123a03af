import { describe, expect, it } from "vitest";
import { labelGeometry, MM } from "./label-layout";

describe("R-PUB-3 label sheet layout", () => {
  it("R-PUB-3 A4 holds 3 × 8 labels that stay inside the page and do not overlap; the 25th starts page 2", () => {
    const g = labelGeometry("a4", 25);
    expect(g.perPage).toBe(24);
    const first = g.boxes.slice(0, 24);
    for (const b of first) {
      expect(b.x + b.width).toBeLessThanOrEqual(g.pageWidth + 1e-6);
      expect(b.y + b.height).toBeLessThanOrEqual(g.pageHeight + 1e-6);
    }
    const overlaps = first.some((a, i) => first.some((b, j) => i !== j && a.x < b.x + b.width - 1e-6 && b.x < a.x + a.width - 1e-6 && a.y < b.y + b.height - 1e-6 && b.y < a.y + a.height - 1e-6));
    expect(overlaps).toBe(false);
    expect(new Set(first.map((b) => `${b.x},${b.y}`)).size).toBe(24);
    expect(g.boxes[24]).toMatchObject({ page: 1, x: 0 });
    expect(g.boxes[24]!.y).toBeCloseTo(g.boxes[0]!.y);
  });

  it("R-PUB-3 a thermal label is one 50 × 30 mm page each", () => {
    const g = labelGeometry("thermal", 2);
    expect(g.pageWidth).toBeCloseTo(50 * MM);
    expect(g.pageHeight).toBeCloseTo(30 * MM);
    expect(g.boxes.map((b) => b.page)).toEqual([0, 1]);
  });
});
