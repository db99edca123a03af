import type { Metadata } from "next";
import { Suspense } from "react";
import { ReceptionDesk } from "@/components/reception/reception-desk";

export const metadata: Metadata = { title: "接收登记" };

/** 接收登记 (issue 10 item 5, R-APT-6): by typed number or by scanning the appointment sheet. */
export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">接收登记</h1>
        <p className="text-sm text-muted-foreground">按预约单号接收送检器具，或在现场检定时接收；不符合要求的器具可退单并注明原因。</p>
      </div>
      <Suspense>
        <ReceptionDesk />
      </Suspense>
    </div>
  );
}
