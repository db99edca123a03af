import { appointmentIdInput } from "@/lib/schemas/appointment-desk";
import { errorResponse } from "@/server/api/errors";
import { asSignedIn } from "@/server/authz/caller";
import { attachmentHeader } from "@/server/files/store";
import { requestUser } from "@/server/http/request-user";
import { appointmentSheetPdf } from "@/server/pdf/appointment-sheet";
import { appointmentDetail } from "@/server/services/appointments/view";
import { AppError } from "@/server/errors";

export const dynamic = "force-dynamic";

/**
 * 预约单 PDF (R-APT-7) for the enterprise that made the appointment and the institution it was made with;
 * anyone else, or an appointment outside the caller's scope, gets the same 404 as a missing one (R-SCOPE-4).
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const parsed = appointmentIdInput.safeParse({ id: (await params).id });
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const { db, user } = await requestUser(req);
    if (!user) throw new AppError("UNAUTHENTICATED");
    const detail = await appointmentDetail(db, asSignedIn(user, null), parsed.data.id);
    const pdf = await appointmentSheetPdf(detail);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachmentHeader(`预约单-${detail.number}.pdf`),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "appointment-sheet");
  }
}
