"use client";

import { DocumentTable } from "./document-table";

/** 检定证书 section of an instrument's details page (enterprise): every document of the instrument. */
export function InstrumentCertificates({ instrumentId }: { instrumentId: number }) {
  return (
    <section className="space-y-2" aria-labelledby="instrument-certificates">
      <h2 id="instrument-certificates" className="text-lg font-medium">
        检定证书
      </h2>
      <DocumentTable reader="enterprise" instrumentId={instrumentId} />
    </section>
  );
}

/** 证书 section of an appointment's details page, for either side (the enterprise or the institution). */
export function AppointmentCertificates({ appointmentId, reader }: { appointmentId: number; reader: "enterprise" | "institution" }) {
  return (
    <section className="space-y-2" aria-labelledby="appointment-certificates">
      <h2 id="appointment-certificates" className="text-lg font-medium">
        证书与通知书
      </h2>
      <DocumentTable reader={reader} appointmentId={appointmentId} />
    </section>
  );
}
