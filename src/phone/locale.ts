import { ownValue, parseWeightedList, readListHeader, VALUES_MAX } from './input.js';
import type { PhoneRequest } from './request.js';

export type Language = 'en' | 'de' | 'fr' | 'es';

const DEFAULT_LANGUAGE: Language = 'en';

/** CUCM locale names are a few words (`English_United_States`); much longer is not one. */
const LOCALE_READ_MAX = 64;

/** ISO 639-1 codes, as in `de_DE`, `de-DE` or `de`. */
const LANGUAGE_CODES = new Map<string, Language>([
  ['en', 'en'],
  ['de', 'de'],
  ['fr', 'fr'],
  ['es', 'es'],
]);

/**
 * First word of a CUCM user locale (`English_United_States`, `German_Germany`,
 * `French_Canada`, `Spanish_Spain`), or the language's own name.
 */
const LANGUAGE_NAMES = new Map<string, Language>([
  ['english', 'en'],
  ['german', 'de'],
  ['deutsch', 'de'],
  ['french', 'fr'],
  ['francais', 'fr'],
  ['spanish', 'es'],
  ['espanol', 'es'],
  ['castellano', 'es'],
]);

/**
 * Whole locales that name only a country, as in `locale=germany`. Only countries with one
 * language: Switzerland, Belgium or Canada say nothing certain.
 */
const COUNTRY_LOCALES = new Map<string, Language>([
  ['united_states', 'en'],
  ['united_kingdom', 'en'],
  ['germany', 'de'],
  ['deutschland', 'de'],
  ['austria', 'de'],
  ['france', 'fr'],
  ['spain', 'es'],
  ['espana', 'es'],
]);

/** Language tags, with the underscore some phones send (`en_US`) allowed. */
const LANGUAGE_TAG = /^(?:\*|[a-z]{1,8}(?:[-_][a-z0-9]{1,8})*)$/;

/**
 * The language of the screens: the phone's `locale=` parameter (the user's locale in CUCM)
 * wins, then Accept-Language, then English. A locale we do not speak is passed over, so
 * Accept-Language still gets its say.
 */
export function negotiateLanguage(
  query: Record<string, unknown>,
  headers: PhoneRequest['headers'],
): Language {
  return (
    fromLocaleParameter(ownValue(query, 'locale')) ??
    fromAcceptLanguage(readListHeader(headers, 'accept-language')) ??
    DEFAULT_LANGUAGE
  );
}

/** Repeats happen when the admin's URL has `locale=` and the phone appends its own: first wins. */
function fromLocaleParameter(value: unknown): Language | undefined {
  const values: unknown[] = Array.isArray(value) ? value.slice(0, VALUES_MAX) : [value];
  for (const candidate of values) {
    const language = typeof candidate === 'string' ? fromLocale(candidate) : undefined;
    if (language !== undefined) return language;
  }
  return undefined;
}

function fromLocale(value: string): Language | undefined {
  if (value.length > LOCALE_READ_MAX) return undefined;

  // `Français` and `español` arrive with or without accents; `de_DE.UTF-8` with a charset.
  const locale = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.@].*$/, '')
    .trim()
    .replace(/[\s-]+/g, '_');
  const firstWord = locale.split('_', 1)[0] ?? '';

  return (
    COUNTRY_LOCALES.get(locale) ?? LANGUAGE_CODES.get(firstWord) ?? LANGUAGE_NAMES.get(firstWord)
  );
}

/**
 * Highest q wins, the earlier entry on a tie; q=0 means "not this one". `*` accepts any
 * language, so it stands for the default.
 */
function fromAcceptLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;

  let best: { language: Language; q: number } | undefined;
  for (const { token, q } of parseWeightedList(value, LANGUAGE_TAG)) {
    const primary = token.split(/[-_]/, 1)[0] ?? '';
    const language = primary === '*' ? DEFAULT_LANGUAGE : LANGUAGE_CODES.get(primary);
    if (language === undefined || q <= 0) continue;
    if (best === undefined || q > best.q) best = { language, q };
  }
  return best?.language;
}
