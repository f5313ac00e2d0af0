// What XML 1.0 allows as a character: a request with anything else is not
// XML, and echoing it (a device name, an app id) would break the answer too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/g;

// The only entities a document without a DTD may use.
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

export function hasOnlyXmlChars(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/**
 * Replaces the predefined entities and character references in a text
 * node. Returns undefined when the text holds any other `&`: an undeclared
 * entity or a stray ampersand makes the document not well-formed.
 */
export function decodeReferences(raw: string): string | undefined {
  if (raw.replace(REFERENCE, '').includes('&')) return undefined;

  let valid = true;
  const text = raw.replace(REFERENCE, (_ref, hex?: string, decimal?: string, name?: string) => {
    const char = name === undefined ? charAt(hex, decimal) : PREDEFINED.get(name);
    if (char === undefined) valid = false;
    return char ?? '';
  });
  return valid ? text : undefined;
}

function charAt(hex: string | undefined, decimal: string | undefined): string | undefined {
  const codePoint = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
  if (!Number.isSafeInteger(codePoint) || codePoint > 0x10ffff) return undefined;

  const char = String.fromCodePoint(codePoint);
  return hasOnlyXmlChars(char) ? char : undefined;
}
