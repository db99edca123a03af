import "server-only";
import { hash, type Options, verify } from "@node-rs/argon2";

/** argon2id with OWASP's minimum (19 MiB, 2 passes): slow for attackers, ~20 ms for us. */
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so unknown usernames take as long as wrong passwords. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string) {
  dummyHash ??= hashPassword("Dummy-Password-1");
  return dummyHash.then((h) => verifyPassword(h, password));
}
