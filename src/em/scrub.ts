/** CUCM's own text is shown and logged; past this it is cut (a quoted request can be long). */
export const MAX_EM_MESSAGE = 300;

const REDACTED = '[redacted]';

/**
 * A piece of the secret at least this long (or the whole secret, if shorter) is
 * removed wherever it appears: CUCM may quote the password cut short, and a cut
 * message may end in the middle of it.
 */
const MIN_PIECE = 6;

/**
 * Removes a secret from text CUCM sends back. Some releases quote the request in
 * their error text, so the application password may come back as sent (XML-escaped
 * and form-encoded, with upper- or lower-case hex) or decoded, whole or in part;
 * every such form is replaced.
 */
export function secretScrubber(secret: string): (text: string) => string {
  if (secret === '') return (text) => cut(text, MAX_EM_MESSAGE);
  const forms = formsPattern(secret);
  const minPiece = Math.min(secret.length, MIN_PIECE);
  return function scrub(text: string): string {
    // Cut first, with room to spare: the piece search below is quadratic in the text.
    const whole = cut(text, 4 * MAX_EM_MESSAGE).replace(forms, REDACTED);
    return cut(withoutPieces(whole, secret, minPiece), MAX_EM_MESSAGE);
  };
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Every encoded form of the secret, longest first, as one pattern. */
function formsPattern(secret: string): RegExp {
  const basic = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const full = basic.replaceAll('"', '&quot;').replaceAll("'", '&apos;');
  const forms = new Set([
    secret,
    basic,
    full,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    encodeURIComponent(basic),
    new URLSearchParams({ s: basic }).toString().slice(2),
  ]);
  // Longest first, so that no shorter form leaves a piece of a longer one behind.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(formPattern).join('|'), 'g');
}

/** The form as a pattern in which a percent escape matches in either case of hex. */
function formPattern(form: string): string {
  return form
    .split(/(%[0-9A-F]{2})/)
    .map((part) =>
      /^%[0-9A-F]{2}$/.test(part)
        ? `%${caseless(part[1] ?? '')}${caseless(part[2] ?? '')}`
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
}

function caseless(hex: string): string {
  return /[A-F]/.test(hex) ? `[${hex}${hex.toLowerCase()}]` : hex;
}

/** Replaces each run of `minPiece` or more characters that also appears in the secret. */
function withoutPieces(text: string, secret: string, minPiece: number): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const length = longestPieceAt(text, index, secret);
    if (length >= minPiece) {
      out += REDACTED;
      index += length;
    } else {
      out += text[index];
      index += 1;
    }
  }
  return out;
}

/** The length of the longest prefix of text[at..] that is a substring of the secret. */
function longestPieceAt(text: string, at: number, secret: string): number {
  const first = text[at];
  if (first === undefined) return 0;
  let best = 0;
  for (let start = secret.indexOf(first); start !== -1; start = secret.indexOf(first, start + 1)) {
    let length = 0;
    while (
      at + length < text.length &&
      start + length < secret.length &&
      text[at + length] === secret[start + length]
    ) {
      length += 1;
    }
    if (length > best) best = length;
  }
  return best;
}
