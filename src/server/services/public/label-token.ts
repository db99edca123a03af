import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/server/db/open";
import { instruments } from "@/server/db/schema";

/** A permanent, unguessable label token for `/i/{token}` (R-PUB-3): 144 random bits, URL-safe, never the code. */
export function newLabelToken(): string {
  return randomBytes(18).toString("base64url");
}

/** Gives each of these instruments its label token unless it already has one (a label, once printed, stays valid). */
export async function ensureLabelTokens(tx: Tx, instrumentIds: number[]) {
  if (!instrumentIds.length) return;
  const values = sql.join(instrumentIds.map((id) => sql`(${id}::bigint, ${newLabelToken()})`), sql`, `);
  await tx.execute(sql`
    update ${instruments} set label_token = v.token
    from (values ${values}) as v(instrument_id, token)
    where ${instruments.id} = v.instrument_id and ${instruments.labelToken} is null`);
}
