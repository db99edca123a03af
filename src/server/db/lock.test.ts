import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock, DataDirLockedError, LOCK_FILE, lockHolder } from "./lock";

describe("PGlite data directory lock", () => {
  it("refuses a second opener with a clear message, and frees the directory on release", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-lock-"));
    const release = acquireDirLock(dir);
    expect(lockHolder(dir)).toBe(process.pid);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirLock(dir)).toThrow(/正被进程/);
    release();
    expect(lockHolder(dir)).toBeNull();
    acquireDirLock(dir)();
  });

  it("takes over a stale lock whose process is gone", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-lock-"));
    writeFileSync(path.join(dir, LOCK_FILE), "999999999");
    expect(lockHolder(dir)).toBeNull();
    const release = acquireDirLock(dir);
    expect(lockHolder(dir)).toBe(process.pid);
    release();
  });
});
