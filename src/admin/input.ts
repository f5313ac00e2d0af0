import { isValidDeviceName } from '../phone/index.js';

/** CUCM user ids are at most 128 characters. */
export const USER_ID_MAX = 128;

/**
 * A device name as an administrator typed it, in canonical form, or undefined.
 * The characters are checked before upper-casing: `toUpperCase` turns look-alikes
 * such as the dotless `ı` into plain letters.
 */
export function canonicalDevice(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (!/^[A-Za-z0-9._-]{1,50}$/.test(trimmed)) return undefined;
  const name = trimmed.toUpperCase();
  return isValidDeviceName(name) ? name : undefined;
}

/** A user id: any printable text CUCM could hold, trimmed; undefined when unusable. */
export function canonicalUserId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (trimmed === '' || [...trimmed].length > USER_ID_MAX) return undefined;
  return /[\p{Cc}\p{Cf}\p{Cs}]/u.test(trimmed) ? undefined : trimmed;
}

/** One query or form value: repeated or nested values count as absent. */
export function singleValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
