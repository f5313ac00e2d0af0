/**
 * Characters never worth showing: controls (C0, DEL, C1), format characters (bidi overrides,
 * zero-width), unpaired surrogates and the two non-characters XML 1.0 forbids.
 */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/gu;

/**
 * Makes an untrusted value fit to be quoted on a phone screen or in a log: unshowable
 * characters removed, outer spaces trimmed, at most `max` code points (never half a pair).
 */
export function showable(value: string, max: number): string {
  const cleaned = value
    .slice(0, 4 * max)
    .replace(UNSHOWABLE, '')
    .trim();
  return Array.from(cleaned).slice(0, max).join('');
}
