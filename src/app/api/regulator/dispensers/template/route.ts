import { attachmentHeader } from "@/server/files/store";
import { errorResponse, regulatorCaller } from "@/server/regulator-http/guard";
import { buildDispenserTemplate } from "@/server/services/regulator/dispenser-excel";

export const dynamic = "force-dynamic";

/** 加油机导入模板 (issue 12 item 6). */
export async function GET(req: Request) {
  try {
    await regulatorCaller(req, { write: false });
    return new Response(new Uint8Array(await buildDispenserTemplate()), {
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": attachmentHeader("加油机导入模板.xlsx") },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
