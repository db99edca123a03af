import { Readable } from "node:stream";
import { chinaToday } from "@/lib/china-day";
import { supervisionFilter } from "@/lib/schemas/regulator";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { errorResponse, regulatorCaller } from "@/server/regulator-http/guard";
import { exportSupervision } from "@/server/services/regulator/supervision-export";

export const dynamic = "force-dynamic";

/** 辖区仪器 导出 (issue 12 item 3): the list's filter (same query parameters as the page), streamed as .xlsx. */
export async function GET(req: Request) {
  try {
    const { db, scope } = await regulatorCaller(req, { write: false });
    const params = Object.fromEntries(new URL(req.url).searchParams.entries());
    const filter = supervisionFilter.safeParse(params);
    if (!filter.success) throw new AppError("REG_FILTER_UNKNOWN", filter.error.issues[0]?.message);
    const stream = await exportSupervision(db, scope, filter.data);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachmentHeader(`辖区仪器-${chinaToday()}.xlsx`),
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
