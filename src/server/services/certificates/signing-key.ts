import "server-only";
import { createPrivateKey, hkdfSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
// The one app secret (NEXTAUTH_SECRET or the generated one in DATA_DIR) lives with auth; keys derive from it.
import { authSecret } from "@/server/auth/secret";
import type { Actor } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { organisations, signingKeys } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { createSigningIdentity, type SigningIdentity } from "@/server/pdf/sign";
import { writeAudit } from "@/server/services/audit";

/**
 * The passphrase that seals the institutions' private keys: HKDF-SHA256 of the app secret, for this one
 * purpose. Changing the app secret makes stored keys unreadable (README → 电子签章).
 */
function sealPassphrase(): string {
  return Buffer.from(hkdfSync("sha256", authSecret(), "qjt-signing-keys", "certificate signing key v1", 32)).toString("hex");
}

/** PKCS#1 PEM → encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2), the only form a private key is stored in. */
export function sealPrivateKey(privateKeyPem: string): string {
  return createPrivateKey(privateKeyPem).export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: sealPassphrase() }).toString();
}

function openPrivateKey(encryptedPem: string): string {
  return createPrivateKey({ key: encryptedPem, format: "pem", passphrase: sealPassphrase() }).export({ type: "pkcs1", format: "pem" }).toString();
}

export type InstitutionSigner = SigningIdentity & { subjectName: string };

async function readKey(db: Queryable, institutionId: number) {
  const [k] = await db.select().from(signingKeys).where(eq(signingKeys.institutionId, institutionId)).limit(1);
  return k;
}

/**
 * The institution's signing key and certificate (R-PUB-4), made on first use: an RSA-2048 key and a
 * self-signed certificate with CN = the institution's name. Race-safe: two first uses may both make a key,
 * but `on conflict do nothing` keeps exactly one, and both then read that one. Call it outside any long
 * transaction (making a key takes a few hundred milliseconds).
 */
export async function institutionSigner(db: Queryable, institutionId: number, actor: Actor): Promise<InstitutionSigner> {
  let key = await readKey(db, institutionId);
  if (!key) {
    const [org] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.id, institutionId), eq(organisations.kind, "institution")))
      .limit(1);
    if (!org) throw notFound();
    const made = await createSigningIdentity(org.name);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(signingKeys)
        .values({ institutionId, subjectName: org.name, certificatePem: made.certificatePem, encryptedKeyPem: sealPrivateKey(made.privateKeyPem) })
        .onConflictDoNothing()
        .returning({ institutionId: signingKeys.institutionId });
      if (inserted.length > 0) {
        await writeAudit(tx, actor, { action: "signing_key.create", entityType: "signing_key", entityId: institutionId, after: { name: org.name } });
      }
    });
    key = await readKey(db, institutionId);
    if (!key) throw notFound();
  }
  return { subjectName: key.subjectName, certificatePem: key.certificatePem, privateKeyPem: openPrivateKey(key.encryptedKeyPem) };
}
