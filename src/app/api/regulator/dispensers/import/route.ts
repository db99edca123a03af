import { idSchema } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";
import { uploadedFile } from "@/server/ledger-http/guard";
import { errorResponse, regulatorCaller } from "@/server/regulator-http/guard";
import { importDispensers } from "@/server/services/regulator/dispenser-excel";

export const dynamic = "force-dynamic";

/** 加油机导入 (issue 12 item 6): form fields `enterpriseId` (a station in scope) and `file` (the template). */
export async function POST(req: Request) {
  try {
    const caller = await regulatorCaller(req, { write: true });
    const { form, file } = await uploadedFile(req, 5 * 1024 * 1024);
    const enterpriseId = idSchema.safeParse(form.get("enterpriseId"));
    if (!enterpriseId.success) throw new AppError("BAD_INPUT", "请选择加油站");
    return Response.json(await importDispensers(caller.db, caller, enterpriseId.data, file.bytes));
  } catch (e) {
    return errorResponse(e);
  }
}
