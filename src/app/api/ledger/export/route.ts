import { Readable } from "node:stream";
import { chinaToday } from "@/lib/china-day";
import { ledgerFilterSchema } from "@/lib/schemas/ledger";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { enterpriseCaller, errorResponse } from "@/server/ledger-http/guard";
import { exportLedger } from "@/server/services/ledger/excel-write";

export const dynamic = "force-dynamic";

/** 导出: the current filter's rows, streamed as .xlsx with the template's columns (R-LED-5). */
export async function GET(req: Request) {
  try {
    const { db, scope } = await enterpriseCaller(req, { write: false });
    const params = Object.fromEntries(new URL(req.url).searchParams.entries());
    const filter = ledgerFilterSchema.safeParse(params);
    if (!filter.success) throw new AppError("BAD_INPUT", "筛选条件无效");
    const stream = exportLedger(db, scope, filter.data);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachmentHeader(`仪器台账-${chinaToday()}.xlsx`),
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
