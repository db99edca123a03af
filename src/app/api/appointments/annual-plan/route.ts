import { Readable } from "node:stream";
import { annualPlanInput } from "@/lib/schemas/booking";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { enterpriseCaller, errorResponse } from "@/server/ledger-http/guard";
import { exportAnnualPlan } from "@/server/services/appointments/annual-plan";

export const dynamic = "force-dynamic";

/** 年度检定计划 (issue 10 item 9): the enterprise's instruments due in `?year=`, streamed as .xlsx. */
export async function GET(req: Request) {
  try {
    const { db, scope } = await enterpriseCaller(req, { write: false });
    const parsed = annualPlanInput.safeParse({ year: new URL(req.url).searchParams.get("year") ?? undefined });
    if (!parsed.success) throw new AppError("BAD_INPUT", "请选择 2000–2100 之间的年份");
    const stream = exportAnnualPlan(db, scope, parsed.data.year);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachmentHeader(`年度检定计划-${parsed.data.year}.xlsx`),
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
