"use client";

import { historyLabel } from "@/lib/appointment-history";
import { sheetDay } from "@/lib/appointment-sheet";
import { formatDateTime } from "@/lib/format";
import { APPOINTMENT_STATE_LABEL } from "@/lib/vocab";
import type { AppointmentData } from "./use-appointment";

/** 预约进度: every step of the appointment, who took it and when, oldest first — the same for both sides. */
export function AppointmentTimeline({ timeline }: { timeline: AppointmentData["timeline"] }) {
  return (
    <section aria-labelledby="apt-timeline" className="space-y-2">
      <h2 id="apt-timeline" className="font-medium">
        预约进度
      </h2>
      <ol aria-labelledby="apt-timeline" data-testid="appointment-timeline" className="relative space-y-4 border-l pl-5">
        {timeline.map((t, n) => (
          <li key={`${t.at}-${n}`} className="relative">
            <span aria-hidden className={`absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ${n === timeline.length - 1 ? "bg-primary" : "bg-muted-foreground/40"}`} />
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{historyLabel(t.action)}</span>
              {t.state ? <span className="text-xs text-muted-foreground">→ {APPOINTMENT_STATE_LABEL[t.state]}</span> : null}
            </div>
            <div className="text-xs text-muted-foreground">
              <time dateTime={t.at}>{formatDateTime(t.at)}</time>
              {t.orgName ? ` · ${t.orgName}` : ""}
              {t.userName ? ` · ${t.userName}` : ""}
            </div>
            {t.day ? (
              <p className="text-sm">
                新时间：{sheetDay(t.day)} {t.slotLabel}
              </p>
            ) : null}
            {t.instrumentCount && t.action !== "rejected" ? <p className="text-sm">涉及器具 {t.instrumentCount} 台件</p> : null}
            {t.text ? <p className="text-sm">原因：{t.text}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
