import "server-only";
import { and, asc, eq, ne, not, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { duplicateListInput } from "@/lib/schemas/regulator";
import { locatedRecordScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { decodeCursor, encodeCursor } from "@/server/db/keyset";
import { instruments, organisations } from "@/server/db/schema";

const a = alias(instruments, "dup_a");
const b = alias(instruments, "dup_b");
const orgA = alias(organisations, "dup_org_a");
const orgB = alias(organisations, "dup_org_b");
const cursorShape = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/**
 * 重复登记 (issue 12 item 8): the same normalised manufacturer + serial (R-LED-1) registered by two different
 * enterprises, listed for a regulator whose scope covers either of them, with both enterprises named. Each
 * pair appears once: from the side in scope, and when both are in scope, from the lower id. Index:
 * instruments (manufacturer_norm, serial_norm, enterprise_id).
 */
export async function listDuplicates(db: Queryable, scope: Scope, input: z.output<typeof duplicateListInput>) {
  const c = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const aIn = locatedRecordScope(scope, a);
  const bIn = locatedRecordScope(scope, b);
  const rows = await db
    .select({
      aId: a.id,
      bId: b.id,
      manufacturer: a.manufacturer,
      serialNo: a.serialNo,
      aName: a.name,
      bName: b.name,
      aEnterprise: orgA.name,
      bEnterprise: orgB.name,
      aCounty: a.countyCode,
      bCounty: b.countyCode,
      aCreatedAt: a.createdAt,
      bCreatedAt: b.createdAt,
      aStatus: a.status,
      bStatus: b.status,
    })
    .from(a)
    .innerJoin(b, and(eq(b.manufacturerNorm, a.manufacturerNorm), eq(b.serialNorm, a.serialNorm), ne(b.enterpriseId, a.enterpriseId)))
    .innerJoin(orgA, eq(orgA.id, a.enterpriseId))
    .innerJoin(orgB, eq(orgB.id, b.enterpriseId))
    .where(
      and(
        aIn,
        or(not(bIn), sql`${a.id} < ${b.id}`) as SQL,
        c ? sql`(${a.id}, ${b.id}) > (${c[0]}, ${c[1]})` : undefined,
      ),
    )
    .orderBy(asc(a.id), asc(b.id))
    .limit(input.limit + 1);
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map((r) => ({ ...r, id: r.aId })), nextCursor: hasMore && last ? encodeCursor([last.aId, last.bId]) : null };
}
