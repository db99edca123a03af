import { z } from "zod";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { enterpriseCaller, errorResponse } from "@/server/ledger-http/guard";
import { buildErrorReport } from "@/server/services/ledger/excel-write";

export const dynamic = "force-dynamic";

const body = z.object({
  errors: z.array(z.object({ row: z.number().int(), column: z.string().max(40), message: z.string().max(300) })).max(50_000),
});

/** The preview's errors as a downloadable .xlsx (行号 / 列 / 错误说明). */
export async function POST(req: Request) {
  try {
    await enterpriseCaller(req, { write: true });
    const parsed = body.safeParse(await req.json().catch(() => null));
    if (!parsed.success) throw new AppError("BAD_INPUT");
    return new Response(new Uint8Array(await buildErrorReport(parsed.data.errors)), {
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": attachmentHeader("导入错误报告.xlsx") },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
