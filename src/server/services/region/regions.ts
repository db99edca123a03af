import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { regions } from "@/server/db/schema";
import { notFound } from "@/server/errors";

const columns = { code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode };

/** Provinces when no parent is given; else the cities of a province or the counties of a city (public). */
export function regionChildren(db: Queryable, input: { parentCode?: string | null }) {
  return db
    .select(columns)
    .from(regions)
    .where(input.parentCode ? eq(regions.parentCode, input.parentCode) : and(isNull(regions.parentCode), eq(regions.level, "province")))
    .orderBy(asc(regions.code));
}

/** The chain province → … → the region itself, for showing a code as names; unknown code: NOT_FOUND. */
export async function regionPath(db: Queryable, input: { code: string }) {
  const codes = [input.code.slice(0, 2), input.code.slice(0, 4), input.code].filter((c, i, a) => c.length >= 2 && a.indexOf(c) === i);
  const rows = await db.select(columns).from(regions).where(inArray(regions.code, codes));
  if (!rows.some((r) => r.code === input.code)) throw notFound();
  return codes.map((c) => rows.find((r) => r.code === c)).filter((r) => r !== undefined);
}
