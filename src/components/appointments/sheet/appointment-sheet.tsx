import { FileDown } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SHEET_COLUMNS, SHEET_NOTE, SHEET_TITLE, sheetFields, sheetRows, type SheetSource } from "@/lib/appointment-sheet";
import { PrintButton } from "./print-button";

/**
 * 预约单 print view (R-APT-7): the same fields as the PDF, the number as QR code and Code 128 barcode (SVG made
 * on the server from the number alone). On paper only the sheet prints: the shell is `print:hidden`, and
 * @page sets A4 with margins.
 */
export function AppointmentSheet({ s, id, back, qrSvg, barcodeSvg }: { s: SheetSource; id: number; back: string; qrSvg: string; barcodeSvg: string }) {
  return (
    <div className="space-y-4">
      <style>{`@page { size: A4; margin: 12mm; } @media print { html, body { background: #fff; } }`}</style>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <Button asChild size="sm" variant="outline">
          <Link href={back}>返回预约单</Link>
        </Button>
        <PrintButton />
        <Button asChild size="sm" variant="outline">
          <a href={`/api/appointments/${id}/sheet`} download>
            <FileDown aria-hidden /> 下载 PDF
          </a>
        </Button>
      </div>
      <article
        aria-label={SHEET_TITLE}
        data-testid="appointment-sheet"
        className="mx-auto max-w-[210mm] space-y-4 rounded-lg border bg-white p-4 text-black sm:p-8 print:max-w-none print:rounded-none print:border-0 print:p-0"
      >
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 space-y-2">
            <h1 className="text-xl font-semibold sm:text-2xl">{SHEET_TITLE}</h1>
            <div aria-label={`条形码 ${s.number}`} role="img" className="w-64 max-w-full [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: barcodeSvg }} />
          </div>
          <div aria-label={`二维码 ${s.number}`} role="img" className="size-28 shrink-0 sm:size-32 [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        </header>
        <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1.5 text-sm sm:grid-cols-[5rem_1fr_5rem_1fr] print:grid-cols-[5rem_1fr_5rem_1fr]">
          {sheetFields(s).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-neutral-600">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="sheet-items" className="space-y-2">
          <h2 id="sheet-items" className="font-medium">
            检定器具（{s.items.length} 台件）
          </h2>
          <div className="overflow-x-auto print:overflow-visible">
            <table className="w-full min-w-[36rem] border-collapse text-xs sm:text-sm print:min-w-0">
              <thead>
                <tr className="bg-neutral-100 print:bg-neutral-100">
                  {SHEET_COLUMNS.map((c) => (
                    <th key={c} scope="col" className="border border-neutral-300 px-1.5 py-1 text-left font-medium">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sheetRows(s).map((r) => (
                  <tr key={r[0]} className="break-inside-avoid">
                    {r.map((c, i) => (
                      <td key={i} className={`border border-neutral-300 px-1.5 py-1 ${i === 3 || i === 5 ? "font-mono whitespace-nowrap" : ""}`}>
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <p className="text-xs text-neutral-600">{SHEET_NOTE}</p>
      </article>
    </div>
  );
}
