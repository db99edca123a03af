import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { outboxListInput } from "@/lib/schemas/accounts";
import type { Scope } from "@/server/authz/scope";
import { page } from "@/server/db/keyset";
import type { Queryable } from "@/server/db/open";
import { outbox } from "@/server/db/schema";

/** The message outbox (消息发件箱), newest first; administrators only (the scope says so). */
export async function outboxPage(db: Queryable, _scope: Extract<Scope, { kind: "admin" }>, input: z.infer<typeof outboxListInput>) {
  const where: (SQL | undefined)[] = [
    input.cursor ? lt(outbox.id, input.cursor) : undefined,
    input.recipient ? eq(outbox.recipient, input.recipient) : undefined,
  ];
  const rows = await db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
