import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, ref } from "./_columns";
import { organisations } from "./organisations";

/**
 * One signing key per institution (R-PUB-4): an RSA-2048 key and its self-signed X.509 certificate
 * (CN = the institution's name at creation), made on the institution's first signed document. The private
 * key is kept only encrypted (PKCS#8, AES-256, passphrase derived from the app secret); the certificate is
 * public (it is embedded in every signed PDF).
 */
export const signingKeys = pgTable("signing_keys", {
  institutionId: ref("institution_id")
    .primaryKey()
    .references(() => organisations.id),
  subjectName: text("subject_name").notNull(),
  certificatePem: text("certificate_pem").notNull(),
  encryptedKeyPem: text("encrypted_key_pem").notNull(),
  createdAt: createdAt(),
});
