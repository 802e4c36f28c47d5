/**
 * Password hashing: argon2id (hash-wasm, WebAssembly: no native build) with OWASP's minimum
 * recommended parameters (m = 19 MiB, t = 2, p = 1), a 16-byte random salt, stored as the
 * standard PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so the parameters can be
 * raised later and old hashes still verify.
 */
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/** OWASP Password Storage Cheat Sheet, argon2id option 2 (19 MiB, 2 iterations, 1 lane). */
export const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

/** Shortest password accepted when one is set (NIST SP 800-63B asks ≥ 8; the console asks 10). */
export const MIN_PASSWORD_LENGTH = 10;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...ARGON2_PARAMS, outputType: 'encoded' });
}

/** False for a wrong password and for anything that is not an argon2 PHC string. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith('$argon2')) return false;
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash to verify against when the e-mail is unknown, so a sign-in for a missing account
 * costs the same time as one with a wrong password (no account enumeration by timing).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
