import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import { authorisationLetterDocx } from "./authorisation-letter";

describe("authorisation letter template (SPEC §4 法人授权书)", () => {
  it("is a real Word .docx file, recognised by its content", async () => {
    const bytes = await authorisationLetterDocx();
    expect(bytes.byteLength).toBeGreaterThan(2000);
    expect((await fileTypeFromBuffer(bytes))?.ext).toBe("docx");
  });
});
