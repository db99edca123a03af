import path from "node:path";

/** Every environment variable the server reads, in one place (documented in README → 配置). */
export const config = {
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
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
};
