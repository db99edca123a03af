import { AppError } from "@/server/errors";
import { enterpriseCaller, errorResponse, uploadedFileLean } from "@/server/ledger-http/guard";
import { MAX_IMPORT_BYTES, readLedgerSheet } from "@/server/services/ledger/excel-read";
import { checkLedgerFile, importLedgerFile } from "@/server/services/ledger/import-ledger";

export const dynamic = "force-dynamic";

/**
 * 导入 (R-LED-5). mode=check parses and checks the file and answers the preview; mode=commit checks again
 * and writes the valid rows in one transaction, reading the file streaming (up to 200,000 rows); both stream NDJSON progress lines ({type:"progress"}) and end
 * with one {type:"result"} or {type:"error"} line. mode=rows returns the parsed cells for row-by-row import.
 */
export async function POST(req: Request) {
  try {
    const { db, scope, actor } = await enterpriseCaller(req, { write: true });
    // One copy of the upload, the file a view into it (issue 14 item 3: formData() held a 10 MB file four times).
    const { fields, file } = await uploadedFileLean(req, MAX_IMPORT_BYTES);
    const mode = fields.get("mode") ?? "check";
    if (mode === "rows") {
      const rows = await readLedgerSheet(file.bytes);
      return Response.json({ rows });
    }
    if (mode !== "check" && mode !== "commit") throw new AppError("BAD_INPUT");
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
        try {
          const onProgress = (phase: string, done: number, total?: number) => send({ type: "progress", phase, done, total });
          const r = mode === "check" ? await checkLedgerFile(db, scope.orgId, file, onProgress) : await importLedgerFile(db, actor, file, onProgress);
          send({ type: "result", ...r, sha256: undefined });
        } catch (e) {
          if (!(e instanceof AppError)) console.error("[ledger] import failed", e);
          send({ type: "error", message: e instanceof AppError ? e.message : "导入失败，请稍后重试（未写入任何数据）" });
        }
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
