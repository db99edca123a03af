import path from "node:path";

/** Every environment variable the server reads, in one place (documented in README → 配置). */
export const config = {
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
  },
  /**
   * A streaming replica of DATABASE_URL (issue 14 #4, README → Scaling): dashboards and public pages read from
   * it (Drizzle withReplicas); writes, and reads in and just after a request that wrote, stay on the primary.
   */
  get databaseReplicaUrl() {
    return (process.env.DATABASE_URL && process.env.DATABASE_REPLICA_URL) || undefined;
  },
  get dataDir() {
    return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? path.join(process.cwd(), ".data"));
  },
  get pgliteDir() {
    return process.env.PGLITE_DIR ? path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR) : path.join(this.dataDir, "pglite");
  },
  get uploadDir() {
    return process.env.UPLOAD_DIR ? path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR) : path.join(this.dataDir, "uploads");
  },
  /** BACKGROUND_JOBS=0 keeps the outbox worker and the daily sweep out of this server process (README → 配置). */
  get backgroundJobs(): boolean {
    return process.env.BACKGROUND_JOBS !== "0";
  },
  /** China calendar day for every day rule (R-TIME-1). */
  get timeZone() {
    return process.env.APP_TIME_ZONE ?? "Asia/Shanghai";
  },
  /**
   * The site's public address for links printed on documents (the certificate QR code → `/v/{token}`);
   * unset: the address the request came to.
   */
  get publicBaseUrl(): string | undefined {
    return process.env.PUBLIC_BASE_URL?.trim() || undefined;
  },
  /** SEED_DEMO=1 / 0 asks for / refuses the demo data; unset leaves the choice to the engine (see seed/prepare.ts). */
  get seedDemo(): boolean | undefined {
    const v = process.env.SEED_DEMO;
    return v === "1" ? true : v === "0" ? false : undefined;
  },
  // Notifications (issue 13, README → 通知). Read at the moment of use, so tests can set them.
  /** The platform's address, for links in e-mails and webhooks. */
  get publicUrl() {
    return process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000";
  },
  /** SMTP for e-mail; unset SMTP_HOST: e-mails are only written to the log (like the default SMS provider). */
  get smtp() {
    const host = process.env.SMTP_HOST;
    if (!host) return null;
    return {
      host,
      port: Number(process.env.SMTP_PORT ?? 587),
      secure: process.env.SMTP_SECURE === "1",
      user: process.env.SMTP_USER || undefined,
      pass: process.env.SMTP_PASS || undefined,
      from: process.env.SMTP_FROM || `"强检通" <no-reply@${host}>`,
    };
  },
  /** An HTTP SMS gateway (JSON POST with a bearer secret); unset: SMS are only written to the log. */
  get smsHttp() {
    const url = process.env.SMS_HTTP_URL;
    return url ? { url, secret: process.env.SMS_HTTP_SECRET ?? "" } : null;
  },
  /** WEBHOOK_ALLOW_PRIVATE=1 lets webhooks reach private and loopback addresses (SSRF guard off; tests, intranets). */
  get webhookAllowPrivate() {
    return process.env.WEBHOOK_ALLOW_PRIVATE === "1";
  },
};
