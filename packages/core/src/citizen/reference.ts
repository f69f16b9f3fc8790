/**
 * Reference numbers and private status links for people who report a concern or ask for redress
 * without an account. The reference (C-7F3K-92QD) is for talking to staff: short, unambiguous when
 * read aloud (Crockford's alphabet: no I, L, O, U). The status link carries a separate 128-bit random
 * token; only its sha-256 hash is stored, so neither the database nor the reference reveals it.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `C-XXXX-XXXX` or `R-XXXX-XXXX`: 40 random bits. Callers retry on the rare unique-index collision. */
export function newReference(prefix: 'C' | 'R', bytes: Buffer = randomBytes(5)): string {
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = (ALPHABET[Number(bits & 31n)] ?? '0') + out;
    bits >>= 5n;
  }
  return `${prefix}-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Tidies what a person typed (lower case, O→0, I/L→1, spaces and dashes free) back into the canonical form, or null. */
export function normaliseReference(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const m = /^([CR])([0-9A-HJKMNP-TV-Z]{8})$/.exec(cleaned);
  return m && m[1] && m[2] ? `${m[1]}-${m[2].slice(0, 4)}-${m[2].slice(4)}` : null;
}

export function newStatusToken(): string {
  return randomBytes(16).toString('base64url');
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A status token as it appears in a link: 22 base64url characters. Anything else is not looked up. */
export const isStatusToken = (value: string): boolean => /^[A-Za-z0-9_-]{22}$/.test(value);
