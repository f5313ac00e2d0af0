import { ownValue } from './input.js';

/** Parameters a phone request may carry that the service reads. */
const KNOWN = ['device', 'name', 'locale'] as const;

/**
 * Phones append `?locale=…&name=…` to every service URL, even one that already has
 * a query, so `?device=SEP…` arrives as `device=SEP…?locale=German_Germany` with
 * `name=` beside it. Each known value is cut at such a second `?`, and what follows
 * fills in parameters that are not already there. Only own string values are read.
 */
export function unfoldQuery(query: Record<string, unknown>): Record<string, unknown> {
  const unfolded: Record<string, unknown> = {};
  const tails: string[] = [];
  for (const key of KNOWN) {
    const value = ownValue(query, key);
    if (value === undefined) continue;
    unfolded[key] = Array.isArray(value)
      ? value.map((item) => cut(item, tails))
      : cut(value, tails);
  }
  for (const tail of tails) {
    for (const [key, value] of new URLSearchParams(tail)) {
      if ((KNOWN as readonly string[]).includes(key) && unfolded[key] === undefined)
        unfolded[key] = value;
    }
  }
  return unfolded;
}

function cut(value: unknown, tails: string[]): unknown {
  if (typeof value !== 'string') return value;
  const mark = value.indexOf('?');
  if (mark < 0) return value;
  tails.push(value.slice(mark + 1, mark + 1 + 512));
  return value.slice(0, mark);
}
