import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The one place EM answers are turned from text into a tree. Every element becomes
 * an array of nodes so that a repeated element (two `<none/>` from CUCM 12) reads
 * the same as a single one. No DTD is honoured and no entity other than XML's five
 * and numeric references is expanded, whatever the answer contains.
 */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlNode[];
}

export type XmlReadResult = { ok: true; root: XmlNode } | { ok: false; problem: string };

export const MAX_XML_DEPTH = 32;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

export function readXml(text: string): XmlReadResult {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { ok: false, problem: 'empty body' };
  if (/<!DOCTYPE[^>]*\[/i.test(body) || /<!ENTITY/i.test(body)) {
    return { ok: false, problem: 'DTD with an internal subset refused' };
  }
  if (nestingDepth(body) > MAX_XML_DEPTH) return { ok: false, problem: 'nested too deeply' };

  const valid = XMLValidator.validate(stripDoctype(body));
  if (valid !== true) return { ok: false, problem: `not XML: ${valid.err.msg}` };

  let nodes: XmlNode[];
  try {
    nodes = toNodes(parser.parse(stripDoctype(body)) as unknown[]);
  } catch (error) {
    // The parser's own limits (nesting, names) hold where the cheap checks above miss.
    return {
      ok: false,
      problem: `not XML: ${error instanceof Error ? error.message : 'parse error'}`,
    };
  }
  const root = nodes[0];
  if (root === undefined) return { ok: false, problem: 'no root element' };
  return { ok: true, root };
}

/** An external DTD reference is harmless as long as it is never fetched: drop it. */
function stripDoctype(body: string): string {
  return body.replace(/<!DOCTYPE[^>]*>/i, '');
}

/** Cheap upper bound of element depth, so that a hostile answer cannot exhaust the stack. */
function nestingDepth(body: string): number {
  let depth = 0;
  let max = 0;
  for (const match of body.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1] === '/') depth -= 1;
    else if (match[2] !== '/') depth += 1;
    if (depth > max) max = depth;
  }
  return max;
}

type Ordered = Record<string, unknown>;

function toNodes(items: unknown[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const node = toNode(item as Ordered);
    if (node !== undefined) nodes.push(node);
  }
  return nodes;
}

function toNode(item: Ordered): XmlNode | undefined {
  const name = Object.keys(item).find((key) => key !== ':@' && !key.startsWith('#'));
  if (name === undefined) return undefined;

  const content = (item[name] ?? []) as Ordered[];
  const text = content
    .map((part) => part['#text'])
    .filter((part): part is string => typeof part === 'string')
    .join('');
  return {
    name,
    attributes: decodeAttributes(item[':@']),
    text: decodeEntities(text.trim()),
    children: toNodes(content),
  };
}

function decodeAttributes(raw: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (raw === null || typeof raw !== 'object') return attributes;
  for (const [key, value] of Object.entries(raw)) {
    attributes[key] = decodeEntities(String(value));
  }
  return attributes;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** XML's five entities and numeric references; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
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
