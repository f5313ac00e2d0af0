import { randomUUID } from 'node:crypto';
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
  const keys = placeKeys(screen.softKeys, options.family);
  const values = [fit(screen.title, LIMITS.title)];
  if (screen.prompt !== undefined) values.push(fit(screen.prompt, LIMITS.prompt));
  values.push(fit(screen.text, LIMITS.text));
  for (const key of keys) {
    values.push(fit(key.label, LIMITS.softKeyName), checkedUrl(key.url), String(key.position));
  }
  const template = templateFor(options.charset, screen.prompt !== undefined, keys.length);
  return {
    body: encodeBody(fill(template, values), options.charset),
    contentType: `text/xml; charset=${options.charset}`,
  };
}

/**
 * A screen's document, written once per shape (charset, prompt or not, number of
 * soft keys) by xmlbuilder2 with a unique slot where each value goes. Filling the
 * slots with escaped values gives byte for byte what xmlbuilder2 would write for
 * the screen (the screen tests hold it), without building a DOM per phone request.
 */
interface Template {
  readonly parts: readonly string[];
  readonly slots: readonly number[];
}

const SLOT = `slot${randomUUID().replaceAll('-', '')}n`;
const templates = new Map<string, Template>();

function templateFor(charset: PhoneCharset, hasPrompt: boolean, keyCount: number): Template {
  const shape = `${charset}|${hasPrompt}|${keyCount}`;
  let template = templates.get(shape);
  if (template === undefined) {
    template = buildTemplate(charset, hasPrompt, keyCount);
    templates.set(shape, template);
  }
  return template;
}

function buildTemplate(charset: PhoneCharset, hasPrompt: boolean, keyCount: number): Template {
  let next = 0;
  const slot = () => `${SLOT}${next++}s`;
  const root = create({ version: '1.0', encoding: declaredEncoding(charset) }).ele(
    'CiscoIPPhoneText',
  );
  root.ele('Title').txt(slot());
  if (hasPrompt) root.ele('Prompt').txt(slot());
  root.ele('Text').txt(slot());
  for (let key = 0; key < keyCount; key += 1) {
    const item = root.ele('SoftKeyItem');
    item.ele('Name').txt(slot());
    item.ele('URL').txt(slot());
    item.ele('Position').txt(slot());
  }
  const pieces = `${escapeQuotes(root.end({ prettyPrint: true }))}\n`.split(
    new RegExp(`${SLOT}(\\d+)s`),
  );
  return {
    parts: pieces.filter((_, index) => index % 2 === 0),
    slots: pieces.filter((_, index) => index % 2 === 1).map(Number),
  };
}

function fill(template: Template, values: readonly string[]): string {
  const { parts, slots } = template;
  let xml = parts[0] ?? '';
  let next = 1;
  for (const slot of slots) {
    xml += escapeText(values[slot] ?? '') + (parts[next] ?? '');
    next += 1;
  }
  return xml;
}

const NEEDS_ESCAPE = /[&<>"']/;

/** As xmlbuilder2 escapes text, then the two quotes that escapeQuotes adds. */
function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
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
 * Text allows CR, LF and tab. Other control characters break phone parsers,
 * direction overrides in a user id could make "Log out X?" read as something else,
 * and invisible marks (zero-width space and joiners, word joiner, soft hyphen,
 * BOM) show as '?' on ISO-8859-1 phones.
 */
function clean(text: string): string {
  if (!MAY_NEED_CLEANING.test(text)) return text;
  return text.replace(CONTROL, '').replace(/\p{Cs}/gu, '');
}

const CONTROL =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- removing them is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;

/** CONTROL, and any surrogate code unit: most text has none, and is returned as it is. */
const MAY_NEED_CLEANING =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- see CONTROL
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** A value shown inside a sentence (a user id): one line, whatever it holds. */
export function oneLine(text: string): string {
  return clean(text.replace(LINE_BREAKS, ' ')).replace(/ {2,}/g, ' ').trim();
}

const LINE_BREAKS = /[\t\n\v\f\r\u2028\u2029]+/g;

function clip(text: string, max: number): string {
  // Never more characters than UTF-16 units: a short string needs no counting.
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 3).join('')}...`;
}

/** A cut URL would send the phone somewhere wrong: refuse instead, loudly. */
function checkedUrl(url: string): string {
  if (url.length > LIMITS.url)
    throw new RangeError(`soft key URL longer than ${LIMITS.url} characters`);
  return url;
}
