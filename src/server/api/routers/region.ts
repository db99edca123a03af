import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { regions } from "@/server/db/schema";
import { regionChildrenInput, regionPathInput } from "@/lib/schemas/reference";
import { notFound } from "@/server/errors";
import { publicProcedure, router } from "../trpc";

const columns = { code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode };

export const regionRouter = router({
  /** Provinces when no parent is given; else the cities of a province or the counties of a city. */
  children: publicProcedure.input(regionChildrenInput).query(({ ctx, input }) =>
    ctx.db
      .select(columns)
      .from(regions)
      .where(input.parentCode ? eq(regions.parentCode, input.parentCode) : and(isNull(regions.parentCode), eq(regions.level, "province")))
      .orderBy(asc(regions.code)),
  ),
  /** The chain province → … → the region itself, for showing a code as names. */
  path: publicProcedure.input(regionPathInput).query(async ({ ctx, input }) => {
    const codes = [input.code.slice(0, 2), input.code.slice(0, 4), input.code].filter((c, i, a) => c.length >= 2 && a.indexOf(c) === i);
    const rows = await ctx.db.select(columns).from(regions).where(inArray(regions.code, codes));
    if (!rows.some((r) => r.code === input.code)) throw notFound();
    return codes.map((c) => rows.find((r) => r.code === c)).filter((r) => r !== undefined);
  }),
});
