import { Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id with OWASP's minimum (19 MiB, 2 passes): slow for attackers, ~20 ms for us. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

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
