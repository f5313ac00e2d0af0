import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Checks a presented token against ADMIN_TOKEN in constant time. Both sides are
 * reduced to HMAC-SHA256 digests under a key made at start-up, so the comparison
 * is between equal-length values whatever was sent, and neither the token nor a
 * plain hash of it is kept anywhere a heap dump would make it useful.
 */
export class TokenCheck {
  readonly #key = randomBytes(32);
  readonly #expected: Buffer;

  constructor(token: string) {
    this.#expected = this.#digest(token);
  }

  matches(candidate: unknown): boolean {
    if (typeof candidate !== 'string' || candidate === '') return false;
    return timingSafeEqual(this.#digest(candidate), this.#expected);
  }

  /** A value tied to `seed` that only this process can produce (login form CSRF). */
  sign(seed: string): string {
    return createHmac('sha256', this.#key).update(`sign:${seed}`).digest('base64url');
  }

  #digest(value: string): Buffer {
    return createHmac('sha256', this.#key).update(`token:${value}`).digest();
  }
}

/** Constant-time comparison of two strings of any length. */
export function sameSecret(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const key = randomBytes(16);
  const digest = (value: string) => createHmac('sha256', key).update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function randomId(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer +([^\s]+) *$/i.exec(header);
  return match?.[1];
}
