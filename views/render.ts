import { create } from 'xmlbuilder2';
import type { PhoneCharset, PhoneFamily } from '../src/phone/index.js';
import { declaredEncoding, encodeBody, fitCharset } from './charset.js';
import type { Screen, SoftKey, SoftKeyRole } from './screen.js';

/** Limits of CiscoIPPhoneText that every firmware honours. */
export const LIMITS = { title: 32, prompt: 32, text: 4000, softKeyName: 32, url: 256 } as const;

/**
 * Where each family keeps its own keys: 79xx-era phones put Select, Update, Exit at
 * 1, 2, 3; 78xx/88xx and later put Exit at 1 and Select at 2. Custom keys replace
 * the phone's, so ours stand where the person's thumb already goes.
 */
const POSITIONS: Readonly<Record<PhoneFamily, Readonly<Record<SoftKeyRole, number>>>> = {
  classic: { select: 1, update: 2, exit: 3 },
  modern: { exit: 1, select: 2, update: 3 },
};

export interface RenderOptions {
  readonly family: PhoneFamily;
  readonly charset: PhoneCharset;
}

export interface RenderedScreen {
  readonly body: Buffer;
  readonly contentType: string;
}

export function renderScreen(screen: Screen, options: RenderOptions): RenderedScreen {
  const fit = (text: string, max: number) => clip(fitCharset(clean(text), options.charset), max);
  const root = create({ version: '1.0', encoding: declaredEncoding(options.charset) }).ele(
    'CiscoIPPhoneText',
  );
  root.ele('Title').txt(fit(screen.title, LIMITS.title));
  if (screen.prompt !== undefined) root.ele('Prompt').txt(fit(screen.prompt, LIMITS.prompt));
  root.ele('Text').txt(fit(screen.text, LIMITS.text));

  for (const key of placeKeys(screen.softKeys, options.family)) {
    const item = root.ele('SoftKeyItem');
    item.ele('Name').txt(fit(key.label, LIMITS.softKeyName));
    item.ele('URL').txt(checkedUrl(key.url));
    item.ele('Position').txt(String(key.position));
  }
  const xml = escapeQuotes(root.end({ prettyPrint: true }));
  return {
    body: encodeBody(`${xml}\n`, options.charset),
    contentType: `text/xml; charset=${options.charset}`,
  };
}

function placeKeys(keys: readonly SoftKey[], family: PhoneFamily) {
  return keys
    .map((key) => ({ ...key, position: POSITIONS[family][key.role] }))
    .sort((a, b) => a.position - b.position);
}

/**
 * Phones' parsers want all five XML entities escaped; xmlbuilder2 escapes & < > only.
 * Our documents carry no attributes, so after the declaration every quote is text.
 */
function escapeQuotes(xml: string): string {
  const end = xml.indexOf('?>') + 2;
  return xml.slice(0, end) + xml.slice(end).replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

/**
 * Text allows CR, LF and tab. Other control characters break phone parsers, and
 * direction overrides in a user id could make "Log out X?" read as something else.
 */
function clean(text: string): string {
  return text.replace(CONTROL, '').replace(/\p{Cs}/gu, '');
}

const CONTROL =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 3).join('')}...`;
}

/** A cut URL would send the phone somewhere wrong: refuse instead, loudly. */
function checkedUrl(url: string): string {
  if (url.length > LIMITS.url)
    throw new RangeError(`soft key URL longer than ${LIMITS.url} characters`);
  return url;
}
