/** API tokens: 32 random bytes, shown once; only their sha256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'baton_';

/** A new token, `baton_` + 43 base64url characters (the prefix makes leaked tokens easy to scan for). */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form of a token: hex sha256. A fast hash is enough for 256 random bits. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
