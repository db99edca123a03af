import { notFound } from "next/navigation";
import { AppointmentSheet } from "@/components/appointments/sheet/appointment-sheet";
import { code128Svg, qrSvg } from "@/server/pdf/codes";
import { serverCaller } from "@/trpc/server";

/**
 * The 预约单 print page of either side (R-APT-7): read through appointmentView.detail (its scope: the
 * enterprise's own, the institution's own), codes drawn on the server from the number. A draft has no number
 * and no sheet.
 */
export async function SheetPage({ params, base }: { params: Promise<{ id: string }>; base: "/enterprise" | "/institution" }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const a = await (await serverCaller()).appointmentView.detail({ id });
  if (!a.number) notFound();
  const [qr, barcode] = await Promise.all([qrSvg(a.number), Promise.resolve(code128Svg(a.number))]);
  return <AppointmentSheet s={a} id={a.id} back={`${base}/appointments/${a.id}`} qrSvg={qr} barcodeSvg={barcode} />;
}
