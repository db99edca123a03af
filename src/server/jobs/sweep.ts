import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import type { DB } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { expiryWarnings, instruments, jobRuns } from "@/server/db/schema";
import { daysOf, sweepBatches, warningWindow, type WarningKind } from "@/server/domain/notify/expiry";
import { notifyEvents, type OrgNotification } from "@/server/notify/events";

export type SweepReport = {
  day: string;
  warned: { due30: number; expired: number };
  enterprises: number;
  digests: number;
  messages: number;
  /** Wall time of each step in ms (the bench prints them: which step to look at when the sweep is slow). */
  ms: { enterprises: number; digests: number };
};

/** At most this many warnings per transaction of step 1 (one enterprise with more is a batch of its own). */
export const SWEEP_BATCH_ROWS = 20_000;

/**
 * The daily expiry sweep (R-WRN-1) for the China day of `now` (R-TIME-1, whatever the process time zone).
 *
 * 0. One read finds the work: per enterprise, how many of its instruments are in a window of the day
 *    (src/server/domain/notify/expiry.ts; the two windows are one range of validUntil) and have no warning for
 *    that kind and validity period yet, plus its warnings still untold (left by a sweep that died). A second
 *    run the same day finds nothing here and stops: it costs about the count of the due rows.
 * 1. Those enterprises, in id order, are cut into batches of at most `batchSize` enterprises and about
 *    SWEEP_BATCH_ROWS warnings, one transaction each (issue 14 #3: set-based, bounded). One statement inserts a
 *    warning per due instrument of the batch's id range — already told — unless its unique key (instrument,
 *    kind, validity period) holds one (a concurrent sweep: ON CONFLICT waits for it and skips), marks the
 *    untold ones told, and returns one row per enterprise and kind; those become one message each (in-app,
 *    e-mail, SMS, webhook by preferences), queued by `notifyEvents` in the same transaction.
 * 2. Digests: newly overdue instruments not yet digested go, as one message per organisation, to the
 *    institution each is filed with, the legal institutions and the regulators whose region holds it.
 * Every step commits its rows with the messages they cause (R-NTF-1); running it twice sends nothing twice.
 * Each transaction turns JIT compilation off: the statements are planned above its cost threshold and compiling
 * took 0.11 s of a 1 s batch (EXPLAIN ANALYZE at 1M, issue 14).
 */
export async function sweepExpiry(db: DB, opts: { now?: Date; batchSize?: number; batchRows?: number } = {}): Promise<SweepReport> {
  const today = chinaToday(opts.now ?? new Date());
  const maxEnterprises = opts.batchSize ?? 1000;
  const maxRows = opts.batchRows ?? SWEEP_BATCH_ROWS;
  const report: SweepReport = { day: today, warned: { due30: 0, expired: 0 }, enterprises: 0, digests: 0, messages: 0, ms: { enterprises: 0, digests: 0 } };
  let t = performance.now();
  const lap = (step: keyof SweepReport["ms"]) => {
    const now = performance.now();
    report.ms[step] = Math.round(now - t);
    t = now;
  };
  const due = warningWindow("due30", today);
  const over = warningWindow("expired", today);
  if (addDays(over.to, 1) !== due.from) throw new Error("the sweep reads the two warning windows as one range of days");
  // The kind of an instrument's warning today, as `warningDue` says it (due30 first); i.valid_until is in [over.from, due.to].
  const kindOf = sql`case when i.valid_until >= ${due.from}::date then 'due30' else 'expired' end`;
  const active = sql`i.status not in ('stopped', 'scrapped')`;
  // The index (valid_until, enterprise_id, id, status) reads a batch's range of enterprises exactly one day at a
  // time (`= any(days)`: one index range per day); a range of days would read the whole window's entries per
  // batch (10M: 125 ms → 31 ms a batch).
  const days = `{${daysOf({ from: over.from, to: due.to }).join(",")}}`;

  // 0. Which enterprises have anything to do, and how much.
  const work = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<{ enterprise_id: string | number; n: number }>(
      await tx.execute(sql`
        select enterprise_id, sum(n)::int as n from (
          select i.enterprise_id, count(*) as n from ${instruments} i
           where i.valid_until between ${over.from}::date and ${due.to}::date and ${active}
             and not exists (select 1 from ${expiryWarnings} w where w.instrument_id = i.id and w.kind = ${kindOf} and w.valid_until = i.valid_until)
           group by i.enterprise_id
          union all
          select enterprise_id, count(*) from ${expiryWarnings} where notified_at is null group by enterprise_id
        ) x group by enterprise_id order by enterprise_id`),
    );
  });

  // 1. Warnings and one message per enterprise and kind, a batch of enterprises (by id range) per transaction.
  for (const [lo, hi] of sweepBatches(work.map((w) => ({ id: Number(w.enterprise_id), rows: w.n })), maxEnterprises, maxRows)) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      const groups = rowsOf<{ enterprise_id: string | number; kind: WarningKind; n: number; fresh: number; earliest: string; names: string[] }>(
        await tx.execute(sql`
          with fresh as (
            insert into ${expiryWarnings} (instrument_id, enterprise_id, kind, valid_until, day, notified_at)
            select i.id, i.enterprise_id, ${kindOf}, i.valid_until, ${today}::date, now()
              from ${instruments} i
             where i.valid_until = any(${days}::date[]) and i.enterprise_id between ${lo} and ${hi} and ${active}
            on conflict do nothing
            returning instrument_id, enterprise_id, kind, valid_until, true as fresh
          ), untold as (
            update ${expiryWarnings} set notified_at = now()
             where enterprise_id between ${lo} and ${hi} and notified_at is null
            returning instrument_id, enterprise_id, kind, valid_until, false as fresh
          ), told as (
            select * from fresh union all select * from untold
          ), g as (
            select enterprise_id, kind, count(*)::int as n, (count(*) filter (where fresh))::int as fresh, min(valid_until)::text as earliest,
                   (array_agg(instrument_id order by valid_until, instrument_id))[1:3] as first_ids
              from told group by enterprise_id, kind
          )
          select g.enterprise_id, g.kind, g.n, g.fresh, g.earliest,
                 array(select x.name from unnest(g.first_ids) with ordinality u(id, o) join ${instruments} x on x.id = u.id order by u.o) as names
            from g order by g.enterprise_id, g.kind`),
      );
      const events: OrgNotification[] = groups.map((g) =>
        g.kind === "due30"
          ? { kind: "expiry_due", orgId: Number(g.enterprise_id), data: { count: g.n, instrumentNames: g.names, earliest: g.earliest } }
          : { kind: "expiry_overdue", orgId: Number(g.enterprise_id), data: { count: g.n, instrumentNames: g.names } },
      );
      for (const g of groups) report.warned[g.kind] += g.fresh;
      report.enterprises += new Set(groups.map((g) => g.enterprise_id)).size;
      report.messages += await notifyEvents(tx, events);
    });
  }
  lap("enterprises");

  // 2. The daily digest of newly overdue instruments for institutions and regulators.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
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
    report.messages += await notifyEvents(
      tx,
      orgs.map((o) => ({
        kind: "overdue_digest" as const,
        orgId: Number(o.org_id),
        data: { count: Number(o.n), day: today, audience: o.kind === "regulator" ? ("regulator" as const) : ("institution" as const) },
      })),
    );
    report.digests += orgs.length;
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
