import { parseXml, XmlElement, XmlError, XmlText } from '@rgrove/parse-xml';

/**
 * The one place EM answers are turned from text into a tree. Elements keep their
 * order and every child is listed, so that a repeated element (two `<none/>` from
 * CUCM 12) reads the same as a single one. The parser is strict XML 1.0: it
 * expands XML's five entities and numeric references and nothing else, loads no
 * DTD, and keeps any other named entity as written.
 */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlNode[];
}

export type XmlReadResult = { ok: true; root: XmlNode } | { ok: false; problem: string };

export const MAX_XML_DEPTH = 32;

/** C0 controls XML 1.0 forbids; a CUCM quoting odd input back must not make its answer unreadable. */
// eslint-disable-next-line no-control-regex -- removing them is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * The answer CUCM gives to every logout that worked, in any spacing: recognised
 * as it is, so that the common case builds no tree. Anything else is parsed.
 */
const PLAIN_SUCCESS =
  /^\uFEFF?\s*(?:<\?xml\s[^<>]*\?>\s*)?<response>\s*<success\s*\/>\s*<\/response>\s*$/;
const SUCCESS_ROOT: XmlNode = Object.freeze({
  name: 'response',
  attributes: Object.freeze({}),
  text: '',
  children: Object.freeze([
    Object.freeze({ name: 'success', attributes: Object.freeze({}), text: '', children: [] }),
  ]),
});

export function readXml(text: string): XmlReadResult {
  if (PLAIN_SUCCESS.test(text)) return { ok: true, root: SUCCESS_ROOT };
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(FORBIDDEN_CONTROLS, '')
    .trim();
  if (body === '') return { ok: false, problem: 'empty body' };
  // A web server's error or login page, the usual wrong answer: say so plainly.
  if (/^(<!doctype\s+html|<html)\b/i.test(body)) return { ok: false, problem: 'an HTML page' };
  if (hasInternalSubset(body) || /<!ENTITY/i.test(body)) {
    return { ok: false, problem: 'DTD with an internal subset refused' };
  }
  // The parser descends one call per level: bound the depth before it starts.
  if (nestingDepth(body) > MAX_XML_DEPTH) return { ok: false, problem: 'nested too deeply' };

  let root: XmlElement | null;
  try {
    root = parseXml(body, {
      ignoreUndefinedEntities: true,
      resolveUndefinedEntity: (entity) => HTML_ENTITIES[entity],
    }).root;
  } catch (error) {
    // The parser's own recursion ran out of stack: deeper than any check above saw.
    if (error instanceof RangeError) return { ok: false, problem: 'nested too deeply' };
    return { ok: false, problem: `not XML: ${parseProblem(error)}` };
  }
  if (root === null) return { ok: false, problem: 'no root element' };
  const node = toNode(root, 1);
  return node === undefined
    ? { ok: false, problem: 'nested too deeply' }
    : { ok: true, root: node };
}

/** The parser's message without the excerpt of the answer it quotes, which may hold a secret. */
function parseProblem(error: unknown): string {
  if (!(error instanceof XmlError)) return 'parse error';
  const firstLine = (error.message.split('\n', 1)[0] ?? '').trim();
  if (firstLine === '') return 'parse error';
  // A name quoted from the answer can be as long as the answer.
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine;
}

/**
 * A DOCTYPE with a `[` before its end. Found by position, never by a pattern that
 * scans on from every candidate: a hostile answer of 256 KB of `<!DOCTYPE ` must
 * cost one pass, not one pass per occurrence.
 */
function hasInternalSubset(body: string): boolean {
  const doctype = body.search(/<!DOCTYPE/i);
  if (doctype === -1) return false;
  const bracket = body.indexOf('[', doctype);
  const end = body.indexOf('>', doctype);
  return bracket !== -1 && (end === -1 || bracket < end);
}

/**
 * Element depth, read before parsing so that a hostile answer cannot exhaust the
 * parser's stack. One pass: comments, CDATA, processing instructions and quoted
 * attribute values are skipped whole (a `/>` or `</x>` inside them counts for
 * nothing), and each search goes on from where the last one ended. Malformed
 * text ends the count early; the parser refuses it, and `toNode` bounds the
 * depth again on what the parser built.
 */
function nestingDepth(body: string): number {
  let depth = 0;
  let max = 0;
  let at = body.indexOf('<');
  while (at !== -1) {
    const end = tagEnd(body, at);
    if (end === -1) break;
    const next = body[at + 1];
    if (next === '/') depth -= 1;
    else if (next !== '!' && next !== '?' && body[end - 1] !== '/') depth += 1;
    if (depth > max) max = depth;
    at = body.indexOf('<', end + 1);
  }
  return max;
}

/** Where the markup that starts at `at` ends (its last character), or -1. */
function tagEnd(body: string, at: number): number {
  if (body.startsWith('<!--', at)) return endOf(body, '-->', at + 4);
  if (body.startsWith('<![CDATA[', at)) return endOf(body, ']]>', at + 9);
  if (body[at + 1] === '?') return endOf(body, '?>', at + 2);
  // A start or end tag: a `>` inside a quoted attribute value does not end it.
  let index = at + 1;
  for (;;) {
    const close = body.indexOf('>', index);
    const quote = firstQuote(body, index, close);
    if (quote === -1) return close;
    const closing = body.indexOf(body[quote] ?? '"', quote + 1);
    if (closing === -1) return -1;
    index = closing + 1;
  }
}

function endOf(body: string, marker: string, from: number): number {
  const found = body.indexOf(marker, from);
  return found === -1 ? -1 : found + marker.length - 1;
}

/** The first `"` or `'` from `from` on and before `before` (-1 for the end of text). */
function firstQuote(body: string, from: number, before: number): number {
  const limit = before === -1 ? body.length : before;
  for (let index = from; index < limit; index += 1) {
    const char = body[index];
    if (char === '"' || char === "'") return index;
  }
  return -1;
}

/**
 * HTML's names for characters that a copy of a web page may put in CUCM's text;
 * XML defines none of them. Any other undefined entity stays as written.
 */
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&copy;': '\u00A9',
  '&reg;': '\u00AE',
  '&trade;': '\u2122',
  '&euro;': '\u20AC',
  '&hellip;': '\u2026',
  '&ndash;': '\u2013',
  '&mdash;': '\u2014',
  '&lsquo;': '\u2018',
  '&rsquo;': '\u2019',
  '&ldquo;': '\u201C',
  '&rdquo;': '\u201D',
  '&laquo;': '\u00AB',
  '&raquo;': '\u00BB',
};

/**
 * The tree as this service reads it, or undefined past MAX_XML_DEPTH. The text of
 * an element is its text between child elements, each run trimmed, the runs
 * joined by one space; comments and processing instructions are no text.
 */
function toNode(element: XmlElement, depth: number): XmlNode | undefined {
  if (depth > MAX_XML_DEPTH) return undefined;
  const children: XmlNode[] = [];
  const runs: string[] = [];
  let run = '';
  for (const item of element.children) {
    if (item instanceof XmlText) {
      run += item.text;
    } else if (item instanceof XmlElement) {
      const node = toNode(item, depth + 1);
      if (node === undefined) return undefined;
      children.push(node);
      runs.push(run.trim());
      run = '';
    }
  }
  runs.push(run.trim());
  const text = runs.filter((part) => part !== '').join(' ');
  return { name: element.name, attributes: element.attributes, text, children };
}

/**
 * Children by name, matched without regard to case: CUCM writes camelCase, but
 * lower-case copies of Cisco's samples run in the field, and reading them costs nothing.
 */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  const wanted = name.toLowerCase();
  return node.children.find((candidate) => candidate.name.toLowerCase() === wanted);
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  const wanted = name.toLowerCase();
  return node.children.filter((candidate) => candidate.name.toLowerCase() === wanted);
}

export function isNamed(node: XmlNode, name: string): boolean {
  return node.name.toLowerCase() === name.toLowerCase();
}
