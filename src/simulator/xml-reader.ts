import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { decodeReferences, hasOnlyXmlChars } from './xml-text.js';

/** An element of a request document: its child elements and its own text. */
export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** Text and CDATA directly inside the element, decoded, in document order. */
  readonly text: string;
}

export type XmlReadResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';
const ATTRIBUTES_KEY = ':@';

// A DTD is where entity expansion and external fetches hide, and no EM
// request needs one: refuse before any parser sees it.
const DTD_MARKUP = /<!(?:DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  // Keeps text and CDATA apart and in order: only text holds references.
  preserveOrder: true,
  cdataPropName: CDATA_KEY,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Values stay exactly as sent: "0012" is not 12, and a password may
  // begin or end with a space.
  parseTagValue: false,
  trimValues: false,
});

/** Reads a request document into a tree, or says why it is not XML. */
export function readXml(xmlText: string): XmlReadResult {
  if (DTD_MARKUP.test(xmlText)) return refuse('DTD markup is not accepted');
  if (!hasOnlyXmlChars(xmlText)) return refuse('characters not allowed in XML');

  const validation = XMLValidator.validate(xmlText);
  if (validation !== true) return refuse(validation.err.msg);

  const top = parseOrdered(xmlText);
  if (top === undefined) return refuse('malformed character or entity reference');
  if (top.children.length !== 1 || top.children[0] === undefined) {
    return refuse('a document needs exactly one root element');
  }
  return { ok: true, root: top.children[0] };
}

function parseOrdered(xmlText: string): XmlElement | undefined {
  try {
    return toElement('', parser.parse(xmlText));
  } catch {
    // The parser refuses names such as __proto__ by throwing.
    return undefined;
  }
}

/** Converts the parser's ordered nodes; undefined when a text is not well-formed. */
function toElement(name: string, nodes: unknown): XmlElement | undefined {
  const children: XmlElement[] = [];
  let text = '';

  for (const [key, value] of entriesOf(nodes)) {
    if (key === ATTRIBUTES_KEY) continue;
    if (key === CDATA_KEY) {
      text += cdataOf(value);
      continue;
    }
    if (key === TEXT_KEY) {
      const decoded = decodeReferences(String(value));
      if (decoded === undefined) return undefined;
      text += decoded;
      continue;
    }
    const child = toElement(key, value);
    if (child === undefined) return undefined;
    children.push(child);
  }
  return { name, children, text };
}

// CDATA is literal: its `&` and `<` are data, so it skips decoding.
function cdataOf(value: unknown): string {
  return entriesOf(value)
    .filter(([key]) => key === TEXT_KEY)
    .map(([, raw]) => String(raw))
    .join('');
}

function entriesOf(nodes: unknown): [string, unknown][] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: unknown) =>
    typeof node === 'object' && node !== null ? Object.entries(node) : [],
  );
}

function refuse(reason: string): XmlReadResult {
  return { ok: false, reason };
}
