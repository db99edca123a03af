import { attachmentHeader } from "@/server/files/store";
import { enterpriseCaller, errorResponse } from "@/server/ledger-http/guard";
import { buildTemplate } from "@/server/services/ledger/excel-write";

export const dynamic = "force-dynamic";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 模板: the import template with drop-down lists (R-LED-5). */
export async function GET(req: Request) {
  try {
    const { db } = await enterpriseCaller(req, { write: false });
    return new Response(new Uint8Array(await buildTemplate(db)), { headers: { "content-type": XLSX, "content-disposition": attachmentHeader("仪器台账导入模板.xlsx") } });
  } catch (e) {
    return errorResponse(e);
  }
}
