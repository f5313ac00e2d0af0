import { ownValue } from './input.js';

/** Parameters a phone request may carry that the service reads. */
const KNOWN: readonly string[] = ['device', 'name', 'locale'];

/** Nothing legitimate nests more than one appended query; this bounds hostile ones. */
const MAX_TAILS = 4;

/**
 * Phones append `?locale=…&name=…` to every service URL, even one that already has
 * a query, so `?device=SEP…` arrives as `device=SEP…?locale=German_Germany` with
 * `name=` beside it. Each known value is cut at such a second `?`, and what follows
 * is read as parameters too (see merge). Only own values are read.
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
  for (let i = 0; i < tails.length && i < MAX_TAILS; i += 1) {
    for (const [key, value] of new URLSearchParams(tails[i])) {
      if (KNOWN.includes(key)) unfolded[key] = merge(key, unfolded[key], cut(value, tails));
    }
  }
  return unfolded;
}

/**
 * A device named again after the second `?` joins the values already read, so that
 * two different phones make the request ambiguous instead of the first one winning.
 * A locale already given stays.
 */
function merge(key: string, current: unknown, value: unknown): unknown {
  if (current === undefined) return value;
  if (key === 'locale') return current;
  return [...(Array.isArray(current) ? (current as unknown[]) : [current]), value];
}

function cut(value: unknown, tails: string[]): unknown {
  if (typeof value !== 'string') return value;
  const mark = value.indexOf('?');
  if (mark < 0) return value;
  tails.push(value.slice(mark + 1, mark + 1 + 512));
  return value.slice(0, mark);
}
