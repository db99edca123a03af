import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import type { DB } from "@/server/db/open";
import { expiryWarnings, instruments, jobRuns } from "@/server/db/schema";
import { daysOf, warningWindow, type WarningKind } from "@/server/domain/notify/expiry";
import { notifyEvent } from "@/server/notify/events";

export type SweepReport = {
  day: string;
  warned: { due30: number; expired: number };
  enterprises: number;
  digests: number;
  messages: number;
  /** Wall time of each step in ms (the bench prints them: which step to look at when the sweep is slow). */
  ms: { warnings: number; enterprises: number; digests: number };
};

/** Rows returned by `db.execute` on either driver (PGlite: `{ rows }`, postgres.js: an array). */
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : ((r as { rows: T[] }).rows ?? [])) as T[];

/**
 * The daily expiry sweep (R-WRN-1) for the China day of `now` (R-TIME-1, whatever the process time zone).
 *
 * 1. Warnings: for each kind and each validUntil day of its window (src/server/domain/notify/expiry.ts), the
 *    instruments valid until that day — an equality on the partial index `instruments_valid_until_idx`, in id
 *    batches — get a row in `expiry_warnings`, unless they have one for that kind and validity period (its
 *    unique key: a second run, or a second process, inserts nothing).
 * 2. Enterprises: the warnings not yet told (partial index) are grouped per enterprise and kind and become one
 *    message each (in-app, e-mail, SMS, webhook by preferences), marked told in the same transaction.
 * 3. Digests: newly overdue instruments not yet digested go, as one message per organisation, to the
 *    institution each is filed with, the legal institutions and the regulators whose region holds it.
 * Every step commits its rows with the messages they cause (R-NTF-1); running it twice sends nothing twice.
 */
export async function sweepExpiry(db: DB, opts: { now?: Date; batchSize?: number } = {}): Promise<SweepReport> {
  const today = chinaToday(opts.now ?? new Date());
  const batch = opts.batchSize ?? 5000;
  const report: SweepReport = { day: today, warned: { due30: 0, expired: 0 }, enterprises: 0, digests: 0, messages: 0, ms: { warnings: 0, enterprises: 0, digests: 0 } };
  let t = performance.now();
  const lap = (step: keyof SweepReport["ms"]) => {
    const now = performance.now();
    report.ms[step] = Math.round(now - t);
    t = now;
  };

  for (const kind of ["due30", "expired"] as WarningKind[]) {
    for (const day of daysOf(warningWindow(kind, today))) {
      let cursor = 0;
      for (;;) {
        const rows = rowsOf<{ instrument_id: string | number }>(
          await db.execute(sql`
            insert into ${expiryWarnings} (instrument_id, enterprise_id, kind, valid_until, day)
            select i.id, i.enterprise_id, ${kind}, i.valid_until, ${today}::date
              from ${instruments} i
             where i.valid_until = ${day}::date and i.valid_until is not null and i.id > ${cursor}
               and i.status not in ('stopped', 'scrapped')
               and not exists (select 1 from ${expiryWarnings} w where w.instrument_id = i.id and w.kind = ${kind} and w.valid_until = i.valid_until)
             order by i.id limit ${batch}
            on conflict do nothing
            returning instrument_id`),
        );
        report.warned[kind] += rows.length;
        if (rows.length < batch) break;
        cursor = Math.max(...rows.map((r) => Number(r.instrument_id)));
      }
    }
  }

  lap("warnings");

  // 2. One message per enterprise and kind, 200 enterprises per transaction.
  for (;;) {
    const ents = await db
      .selectDistinct({ id: expiryWarnings.enterpriseId })
      .from(expiryWarnings)
      .where(isNull(expiryWarnings.notifiedAt))
      .orderBy(asc(expiryWarnings.enterpriseId))
      .limit(200);
    if (ents.length === 0) break;
    await db.transaction(async (tx) => {
      const told = await tx
        .update(expiryWarnings)
        .set({ notifiedAt: sql`now()` })
        .from(instruments)
        .where(and(inArray(expiryWarnings.enterpriseId, ents.map((e) => e.id)), isNull(expiryWarnings.notifiedAt), eq(instruments.id, expiryWarnings.instrumentId)))
        .returning({ enterpriseId: expiryWarnings.enterpriseId, kind: expiryWarnings.kind, name: instruments.name, validUntil: expiryWarnings.validUntil });
      const groups = new Map<string, typeof told>();
      for (const t of told) groups.set(`${t.enterpriseId}:${t.kind}`, [...(groups.get(`${t.enterpriseId}:${t.kind}`) ?? []), t]);
      const seen = new Set<number>();
      for (const list of groups.values()) {
        const first = list[0]!;
        seen.add(first.enterpriseId);
        const names = list.slice(0, 3).map((t) => t.name);
        report.messages +=
          first.kind === "due30"
            ? await notifyEvent(tx, {
                kind: "expiry_due",
                orgId: first.enterpriseId,
                data: { count: list.length, instrumentNames: names, earliest: list.map((t) => t.validUntil).sort()[0]! },
              })
            : await notifyEvent(tx, { kind: "expiry_overdue", orgId: first.enterpriseId, data: { count: list.length, instrumentNames: names } });
      }
      report.enterprises += seen.size;
    });
  }

  lap("enterprises");

  // 3. The daily digest of newly overdue instruments for institutions and regulators.
  await db.transaction(async (tx) => {
    const orgs = rowsOf<{ org_id: string | number; kind: string; n: number }>(
      await tx.execute(sql`
        with d as (
          update ${expiryWarnings} set digested_at = now()
           where kind = 'expired' and digested_at is null
          returning instrument_id
        ), i as (
          select x.id, x.institution_id, x.province_code, x.city_code, x.county_code from d join ${instruments} x on x.id = d.instrument_id
        ), watchers as (
          select id as org_id, region_code from organisations
           where status = 'approved' and (kind = 'regulator' or (kind = 'institution' and institution_kind = 'legal'))
        ), pairs as (
          select i.institution_id as org_id, i.id from i where i.institution_id is not null
          union select w.org_id, i.id from i join watchers w on w.region_code = i.province_code
          union select w.org_id, i.id from i join watchers w on w.region_code = i.city_code
          union select w.org_id, i.id from i join watchers w on w.region_code = i.county_code
        )
        select p.org_id, o.kind, count(*)::int as n from pairs p join organisations o on o.id = p.org_id
         where o.status = 'approved' group by p.org_id, o.kind order by p.org_id`),
    );
    for (const o of orgs) {
      report.messages += await notifyEvent(tx, {
        kind: "overdue_digest",
        orgId: Number(o.org_id),
        data: { count: Number(o.n), day: today, audience: o.kind === "regulator" ? "regulator" : "institution" },
      });
      report.digests++;
    }
  });
  lap("digests");
  return report;
}

/**
 * The worker's daily trigger (R-TIME-1): once per China calendar day, from `hour` o'clock China time, in
 * whichever process claims the day first (unique job × day). A sweep that died part-way is finished by the
 * next day's (the windows catch up, and untold warnings are kept).
 */
export async function sweepIfDue(db: DB, now = new Date(), hour = Number(process.env.SWEEP_HOUR ?? 8)): Promise<SweepReport | null> {
  const day = chinaToday(now);
  const chinaHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: process.env.APP_TIME_ZONE ?? "Asia/Shanghai", hour: "2-digit", hourCycle: "h23" }).format(now));
  if (chinaHour < hour) return null;
  const [claim] = await db.insert(jobRuns).values({ job: "sweep", day }).onConflictDoNothing().returning({ id: jobRuns.id });
  if (!claim) return null;
  const report = await sweepExpiry(db, { now });
  await db.update(jobRuns).set({ finishedAt: sql`now()` }).where(eq(jobRuns.id, claim.id));
  return report;
}

/** Whether today's sweep was already claimed (by any process). */
export async function sweepClaimed(db: DB, day: string): Promise<boolean> {
  const [row] = await db.select({ id: jobRuns.id }).from(jobRuns).where(and(eq(jobRuns.job, "sweep"), eq(jobRuns.day, day)));
  return !!row;
}
