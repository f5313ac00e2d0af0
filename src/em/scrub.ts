/** CUCM's own text is shown and logged; past this it is cut (a quoted request can be long). */
export const MAX_EM_MESSAGE = 300;

const REDACTED = '[redacted]';

/**
 * A piece of the secret at least this long (or the whole secret, if shorter) is
 * removed wherever it appears: CUCM may quote the password cut short, and a cut
 * message may end in the middle of it.
 */
const MIN_PIECE = 6;

/** Escapes undone before the last check: enough for a value escaped twice, then encoded. */
const DECODE_ROUNDS = 3;

/**
 * Removes a secret from text CUCM sends back. Some releases quote the request in
 * their error text, so the application password may come back as sent (XML-escaped
 * and form-encoded, in either case of hex) or decoded, whole or in part, in any
 * letter case. Every such form and every piece of six characters or more is
 * replaced; text in which a piece still shows once its escapes are undone is
 * replaced whole.
 */
export function secretScrubber(secret: string): (text: string) => string {
  if (secret === '') return (text) => cut(text, MAX_EM_MESSAGE);
  const forms = encodedForms(secret);
  const pattern = formsPattern(forms);
  const pieces = forms.map((form) => form.toLowerCase());
  const plain = secret.toLowerCase();
  const minPiece = Math.min(secret.length, MIN_PIECE);
  const windows = windowsOf(pieces, minPiece);
  return function scrub(text: string): string {
    // Most text (a user id, CUCM's usual words) shares no piece and holds no escape.
    if (!/[%&]/.test(text) && !sharesWindow(text.toLowerCase(), windows, minPiece)) {
      return cut(text, MAX_EM_MESSAGE);
    }
    // Cut first, with room to spare: the piece search below is quadratic in the text.
    const whole = cut(text, 4 * MAX_EM_MESSAGE).replace(pattern, REDACTED);
    const clean = withoutPieces(whole, pieces, minPiece);
    if (longestPiece(decoded(clean).toLowerCase(), [plain]) >= minPiece) return REDACTED;
    return cut(clean, MAX_EM_MESSAGE);
  };
}

/** Every run of `length` characters of the pieces: text without one shares no piece that long. */
function windowsOf(pieces: readonly string[], length: number): ReadonlySet<string> {
  const windows = new Set<string>();
  for (const piece of pieces) {
    for (let at = 0; at + length <= piece.length; at += 1)
      windows.add(piece.slice(at, at + length));
  }
  return windows;
}

function sharesWindow(text: string, windows: ReadonlySet<string>, length: number): boolean {
  for (let at = 0; at + length <= text.length; at += 1) {
    if (windows.has(text.slice(at, at + length))) return true;
  }
  return false;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The secret as sent (XML-escaped, then form-encoded) and at each step on the way. */
function encodedForms(secret: string): string[] {
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
  return [...forms].sort((a, b) => b.length - a.length);
}

function formsPattern(forms: readonly string[]): RegExp {
  return new RegExp(forms.map(formPattern).join('|'), 'g');
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

/** Replaces each run of `minPiece` or more characters that also appears in a form, any case. */
function withoutPieces(text: string, pieces: readonly string[], minPiece: number): string {
  const lower = text.toLowerCase();
  let out = '';
  let index = 0;
  while (index < text.length) {
    const length = longestPieceAt(lower, index, pieces);
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

function longestPiece(text: string, pieces: readonly string[]): number {
  let best = 0;
  for (let index = 0; index < text.length; index += 1) {
    best = Math.max(best, longestPieceAt(text, index, pieces));
  }
  return best;
}

/** The length of the longest prefix of text[at..] that is a substring of one of the pieces. */
function longestPieceAt(text: string, at: number, pieces: readonly string[]): number {
  const first = text[at];
  if (first === undefined) return 0;
  let best = 0;
  for (const piece of pieces) {
    for (let start = piece.indexOf(first); start !== -1; start = piece.indexOf(first, start + 1)) {
      let length = 0;
      while (
        at + length < text.length &&
        start + length < piece.length &&
        text[at + length] === piece[start + length]
      ) {
        length += 1;
      }
      if (length > best) best = length;
    }
  }
  return best;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The text with XML references and percent escapes undone, a few rounds deep. */
function decoded(text: string): string {
  let current = text;
  for (let round = 0; round < DECODE_ROUNDS; round += 1) {
    const next = percentDecoded(
      current.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, ref: string) => {
        if (!ref.startsWith('#')) return NAMED[ref.toLowerCase()] ?? whole;
        const code = /^#x/i.test(ref) ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
