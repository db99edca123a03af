// `npm run admin:create [username]`: creates an administrator on the configured database (DATABASE_URL, or the
// embedded one while no server holds it). The password comes from ADMIN_PASSWORD or a hidden prompt — there
// is no default — and must meet R-ACC-2 (8–20 characters, digits, upper and lower case).
import { createInterface } from "node:readline";
import { config } from "../src/server/config";
import { openDb } from "../src/server/db/open";
import { createAdministrator } from "../src/server/services/accounts/create-administrator";

/** Reads one line from the terminal; with `hidden` the typed characters are not echoed. */
function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Echo nothing but the prompt itself while the password is typed.
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    out._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error("未提供密码：请在终端中运行以输入密码，或设置环境变量 ADMIN_PASSWORD。");
  const first = await ask("密码（8–20 位，含数字、大写和小写字母）：", true);
  const again = await ask("再次输入密码：", true);
  if (first !== again) throw new Error("两次输入的密码不一致。");
  return first;
}

async function main() {
  const username = process.argv[2] ?? (process.stdin.isTTY ? await ask("管理员用户名：") : "");
  if (!username) throw new Error("请提供用户名：npm run admin:create -- <用户名>");
  const password = await readPassword();
  const database = await openDb({ url: config.databaseUrl, dataDir: config.pgliteDir });
  try {
    const admin = await createAdministrator(database.db, { username, password });
    console.log(`已创建平台管理员 ${admin.username}（${database.kind === "pglite" ? "嵌入式数据库" : "PostgreSQL"}）。`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
