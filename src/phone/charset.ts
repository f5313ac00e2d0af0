import { parseWeightedList, readListHeader } from './input.js';
import type { PhoneRequest } from './request.js';

export type PhoneCharset = 'utf-8' | 'iso-8859-1';

/** Charset names as RFC 9110 tokens; anything else in the header is skipped. */
const CHARSET_TOKEN = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

const UTF8_NAMES = new Set(['utf-8', 'utf8']);

/**
 * The charset to answer in, from Accept-Charset.
 *
 * UTF-8 whenever the phone accepts it at all (q > 0), even ranked below ISO-8859-1 as in
 * `iso-8859-1,utf-8;q=0.8`: both are acceptable to that phone, and only UTF-8 carries every
 * name in a directory, so the q-order is not worth a character turned into `?`. `*` accepts
 * UTF-8 too, unless UTF-8 is named with its own q.
 *
 * ISO-8859-1 otherwise: older firmware sends `iso-8859-1` alone, `utf-8;q=0` refuses UTF-8,
 * and a list naming neither (say `us-ascii`) is best served by ISO-8859-1, which HTTP/1.1
 * first let every client accept by default and which contains ASCII. The ISO-8859-1 aliases
 * (`latin1`, `iso_8859-1`, …) need no lookup: they lead to the same answer.
 *
 * No header, or nothing readable in it, means any charset is acceptable (RFC 9110): UTF-8.
 */
export function negotiateCharset(headers: PhoneRequest['headers']): PhoneCharset {
  const value = readListHeader(headers, 'accept-charset');
  const items = value === undefined ? [] : parseWeightedList(value, CHARSET_TOKEN);
  if (items.length === 0) return 'utf-8';

  const utf8 =
    items.find((item) => UTF8_NAMES.has(item.token)) ?? items.find((item) => item.token === '*');
  return utf8 !== undefined && utf8.q > 0 ? 'utf-8' : 'iso-8859-1';
}
