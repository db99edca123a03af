import { describe, expect, it } from "vitest";
import { boundaryOf, fieldText, MultipartError, parseMultipart, readBody } from "./multipart";

/** A body as a browser's / undici's FormData encodes it, with its content type. */
async function encoded(form: FormData) {
  const r = new Request("http://x/", { method: "POST", body: form });
  return { type: r.headers.get("content-type"), bytes: new Uint8Array(await r.arrayBuffer()) };
}
const streamOf = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(x);
      c.close();
    },
  });

describe("multipart body read with one copy (issue 14 item 3)", () => {
  it("issue 14 item 3: parts as FormData sent them; the file is a view into the body, not a copy", async () => {
    const file = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    // The boundary's own bytes inside the file must not cut it: only CRLF + "--" + boundary does.
    file.set(new TextEncoder().encode("\r\n--notTheBoundary\r\n"), 1000);
    const form = new FormData();
    form.set("mode", "commit");
    form.set("file", new Blob([file]), '台账 "一月" a\\b.xlsx');
    const { type, bytes } = await encoded(form);
    const boundary = boundaryOf(type);
    expect(boundary).toBeTruthy();
    const body = await readBody(streamOf(bytes.subarray(0, 777), bytes.subarray(777)), bytes.byteLength, 1e6);
    const parts = parseMultipart(body, boundary!);
    expect(parts.map((p) => [p.name, p.filename])).toEqual([
      ["mode", null],
      ["file", '台账 "一月" a\\b.xlsx'],
    ]);
    expect(fieldText(parts[0]!)).toBe("commit");
    expect(parts[1]!.data).toEqual(file);
    expect(parts[1]!.data.buffer).toBe(body.buffer);
  });

  it("issue 14 item 3: a body over the limit, longer than it declared, or cut short is refused", async () => {
    const big = new Uint8Array(1000);
    await expect(readBody(streamOf(big, big), 0, 1500)).rejects.toEqual(new MultipartError("too_big"));
    await expect(readBody(streamOf(big), 2000, 1500)).rejects.toEqual(new MultipartError("too_big"));
    await expect(readBody(streamOf(big, big), 1500, 5000)).rejects.toEqual(new MultipartError("malformed"));
    expect((await readBody(streamOf(big, big), 0, 5000)).byteLength).toBe(2000);
    const form = new FormData();
    form.set("file", new Blob([big]), "a.xlsx");
    const { type, bytes } = await encoded(form);
    expect(() => parseMultipart(bytes.subarray(0, bytes.byteLength - 40), boundaryOf(type)!)).toThrow(MultipartError);
    expect(boundaryOf("application/json")).toBeNull();
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
  });
});
