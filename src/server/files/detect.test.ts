import { describe, expect, it } from "vitest";
import { detectKind } from "./detect";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);

describe("upload type by content", () => {
  it("R-LED-3 recognises png and pdf by their magic bytes, whatever the name", async () => {
    expect(await detectKind(PNG)).toEqual({ kind: "png", mime: "image/png" });
    expect(await detectKind(PDF)).toEqual({ kind: "pdf", mime: "application/pdf" });
  });

  it("R-LED-3 an .exe renamed .pdf is not a pdf", async () => {
    expect(await detectKind(EXE)).toBeNull();
    expect(await detectKind(new TextEncoder().encode("just text"))).toBeNull();
  });
});
