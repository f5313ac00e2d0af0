import type { PhoneCharset } from '../src/phone/index.js';

/** Typographic characters that have a plain equivalent phones in ISO-8859-1 can show. */
const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u20AC': 'EUR',
  '\u00A0': ' ',
};

/**
 * Makes text fit the charset the phone reads. For ISO-8859-1 a character outside it
 * becomes its plain form (quotes, dashes), else its letter without accents
 * (ł stays ?, ő becomes o), else '?': readable, never broken bytes.
 */
export function fitCharset(text: string, charset: PhoneCharset): string {
  if (charset === 'utf-8') return text;
  let out = '';
  for (const char of text) out += (char.codePointAt(0) ?? 0) <= 0xff ? char : latin1Fallback(char);
  return out;
}

function latin1Fallback(char: string): string {
  const plain = PLAIN[char];
  if (plain !== undefined) return plain;
  const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return base !== '' && [...base].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? base : '?';
}

export function encodeBody(xml: string, charset: PhoneCharset): Buffer {
  return Buffer.from(xml, charset === 'utf-8' ? 'utf8' : 'latin1');
}

export function declaredEncoding(charset: PhoneCharset): string {
  return charset === 'utf-8' ? 'UTF-8' : 'ISO-8859-1';
}
