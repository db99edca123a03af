import "server-only";
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export const LOCK_FILE = "qjt.lock";

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dir} 正被进程 ${pid} 使用（嵌入式数据库只允许一个进程打开）。请先停止该进程（例如正在运行的 npm start），或设置 PGLITE_DIR 使用另一个目录。`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Returns the pid that holds the lock on `dir`, or null when nobody (alive) does. */
export function lockHolder(dir: string): number | null {
  const file = path.join(dir, LOCK_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Takes an exclusive pid lock file in `dir`; a stale file (dead pid) is taken over. */
export function acquireDirLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = lockHolder(dir);
      if (holder !== null && holder !== process.pid) throw new DataDirLockedError(dir, holder);
      if (holder === process.pid) throw new DataDirLockedError(dir, holder);
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new Error(`无法获取数据目录锁：${file}`);
}
