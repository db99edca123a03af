/**
 * A multipart/form-data body read into ONE buffer, its parts returned as views into it (issue 14 item 3).
 * `Request.formData()` (undici) keeps the body's chunks, joins them, copies the file into a Blob, and
 * `arrayBuffer()` copies it once more: four copies of a 10 MB import, held until a full GC. Here the body is
 * copied once, into a buffer sized from Content-Length, and the file's bytes are a subarray of it.
 */

export type MultipartPart = { name: string; filename: string | null; data: Uint8Array };

export class MultipartError extends Error {
  constructor(readonly reason: "too_big" | "malformed") {
    super(reason);
  }
}

/**
 * The whole body, copied once: into a buffer of the declared length when there is one (a body longer than
 * it declared is refused), else the chunks joined at the end. More than `maxBytes` is refused while reading.
 */
export async function readBody(body: ReadableStream<Uint8Array> | null, declaredLength: number, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  if (declaredLength > maxBytes) throw new MultipartError("too_big");
  const sized = declaredLength > 0 ? new Uint8Array(declaredLength) : null;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.byteLength > (sized ? sized.byteLength : maxBytes)) throw new MultipartError(sized ? "malformed" : "too_big");
      if (sized) sized.set(value, length);
      else chunks.push(value);
      length += value.byteLength;
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    throw e;
  }
  if (sized) return sized.subarray(0, length);
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

const utf8 = new TextDecoder();
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Position of `needle` in `hay` from `from`, or -1 (Buffer's native search over the same memory, no copy). */
function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(needle, from);
}

/** The boundary parameter of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** A Content-Disposition parameter: quoted (browsers escape " CR LF as %22 %0D %0A, undone here) or a token; filename* (RFC 5987) wins. */
function dispositionParam(header: string, key: string): string | null {
  const star = new RegExp(`;\\s*${key}\\*=(?:UTF-8|utf-8)''([^;\\s]*)`).exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      /* fall back to the plain parameter */
    }
  }
  // The HTML form encoding escapes nothing else (a backslash is a backslash), as FormData() reads it too.
  const m = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\s]*))`).exec(header);
  if (!m) return null;
  if (m[2] !== undefined) return m[2];
  return m[1]!.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
}

/** The parts of a multipart body; each part's data is a view into `body`. Throws MultipartError on a malformed body. */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartPart[] {
  const open = ascii(`--${boundary}`);
  const delimiter = ascii(`\r\n--${boundary}`);
  const headerEnd = ascii("\r\n\r\n");
  const parts: MultipartPart[] = [];
  // The first boundary opens the body, or follows a preamble and its CRLF.
  const first = indexOf(body, open, 0) === 0 ? 0 : indexOf(body, delimiter, 0);
  if (first < 0) throw new MultipartError("malformed");
  let at = first + (first === 0 ? open.byteLength : delimiter.byteLength);
  for (;;) {
    // After a boundary: "--" ends the body, CRLF starts a part (transport padding before it is allowed).
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw new MultipartError("malformed");
    at += 2;
    const end = indexOf(body, headerEnd, at);
    if (end < 0) throw new MultipartError("malformed");
    // Header values are UTF-8 as browsers send them (a Chinese file name is raw UTF-8 bytes).
    const headers = utf8.decode(body.subarray(at, end)).split("\r\n");
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h));
    const dataStart = end + headerEnd.byteLength;
    const next = indexOf(body, delimiter, dataStart);
    if (next < 0) throw new MultipartError("malformed");
    const name = disposition ? dispositionParam(disposition, "name") : null;
    if (name !== null) parts.push({ name, filename: dispositionParam(disposition!, "filename"), data: body.subarray(dataStart, next) });
    at = next + delimiter.byteLength;
  }
}

/** A text field's value (UTF-8). */
export const fieldText = (part: MultipartPart) => utf8.decode(part.data);