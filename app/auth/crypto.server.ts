import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** A URL-safe random token with 256 bits of entropy (sent by e-mail, never stored as is). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** App-made text ids: a prefix and 128 random bits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("base64url")}`;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

// Argon2id with OWASP's baseline parameters (19 MiB, 2 passes).
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  if (!hashed) {
    // same work as a real check, so timing does not tell whether the account exists
    await hash(password, ARGON);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
