import type { PhoneRequest } from './request.js';

/**
 * The most of one header value we look at. Phones send a few dozen characters per header;
 * capping first keeps every later split and regular expression cheap on hostile input.
 */
export const HEADER_READ_MAX = 512;

/** Repeated values beyond this are not a phone talking: nothing legitimate sends that many. */
export const VALUES_MAX = 16;

/**
 * One own property of an untrusted object. Own properties only, so `__proto__` or a polluted
 * prototype is never read; the catch covers getters and proxies, because readers here
 * promise never to throw.
 */
export function ownValue(source: unknown, key: string): unknown {
  if (typeof source !== 'object' || source === null) return undefined;
  try {
    return Object.hasOwn(source, key) ? (source as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A header that carries one value (model name, display). Node joins repeats of unknown headers
 * into one string; an array of several values is taken as no answer.
 */
export function readSingleHeader(
  headers: PhoneRequest['headers'],
  name: string,
): string | undefined {
  const value = ownValue(headers, name);
  const text: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof text !== 'string') return undefined;

  return text.slice(0, HEADER_READ_MAX);
}

/**
 * A comma-separated list header (Accept-Charset, Accept-Language). Repeats are joined, as
 * HTTP allows. When the value is over the cap, the element cut in half is dropped: a cut
 * `utf-8;q=0.8` would read as `utf-8;q=0` and change the answer.
 */
export function readListHeader(headers: PhoneRequest['headers'], name: string): string | undefined {
  const value = ownValue(headers, name);
  const parts = Array.isArray(value) ? value.slice(0, VALUES_MAX) : [value];
  const strings = parts.filter((part): part is string => typeof part === 'string');
  if (strings.length === 0) return undefined;

  const joined = strings.map((part) => part.slice(0, HEADER_READ_MAX + 1)).join(', ');
  if (joined.length <= HEADER_READ_MAX) return joined;

  const cut = joined.slice(0, HEADER_READ_MAX + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(','), 0));
}

export interface WeightedItem {
  /** Lower-cased token, e.g. `utf-8`, `en-us`, `*`. */
  token: string;
  /** Quality, 0 to 1. */
  q: number;
}

const Q_PARAM = /^q\s*=\s*(\S*)$/i;
const Q_VALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * Parses `a;q=0.5, b` (RFC 9110 weighted lists). Elements whose token fails `tokenPattern`
 * or whose q is malformed are skipped, never guessed at.
 */
export function parseWeightedList(value: string, tokenPattern: RegExp): WeightedItem[] {
  const items: WeightedItem[] = [];
  for (const element of value.split(',').slice(0, 2 * VALUES_MAX)) {
    const [rawToken = '', ...params] = element.split(';');
    const token = rawToken.trim().toLowerCase();
    if (!tokenPattern.test(token)) continue;

    const q = readQuality(params);
    if (q !== undefined) items.push({ token, q });
  }
  return items;
}

function readQuality(params: string[]): number | undefined {
  for (const param of params) {
    const match = Q_PARAM.exec(param.trim());
    if (match === null) continue;

    const text = match[1] ?? '';
    return Q_VALUE.test(text) ? Number(text) : undefined;
  }
  return 1;
}
