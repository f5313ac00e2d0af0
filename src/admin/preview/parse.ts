import { readXml, type XmlNode } from '../../em/xml-reader.js';

/**
 * A phone screen as the previewer draws it. Read with the EM client's XML reader
 * (strict XML 1.0, no DTD loaded): only XML's five entities and
 * numeric references are expanded.
 */
export interface PreviewSoftKey {
  readonly name: string;
  readonly url: string;
  readonly position: number;
}

export interface PreviewMenuItem {
  readonly name: string;
  readonly url: string;
}

export interface PreviewScreen {
  readonly kind: 'CiscoIPPhoneText' | 'CiscoIPPhoneMenu';
  readonly title: string | undefined;
  readonly prompt: string | undefined;
  readonly text: string | undefined;
  readonly menuItems: readonly PreviewMenuItem[];
  readonly softKeys: readonly PreviewSoftKey[];
  /** What a phone would object to (a soft key without Position, say). */
  readonly problems: readonly string[];
}

export type ParseResult = { ok: true; screen: PreviewScreen } | { ok: false; problem: string };

/** Highest position current models accept (the reference's §1). */
const POSITION_MAX = 16;

export function parsePhoneScreen(xml: string): ParseResult {
  const read = readXml(xml);
  if (!read.ok) return { ok: false, problem: `XML Error: ${read.problem}` };
  const { root } = read;
  if (root.name !== 'CiscoIPPhoneText' && root.name !== 'CiscoIPPhoneMenu') {
    return {
      ok: false,
      problem: `XML Error [5]: the previewer draws CiscoIPPhoneText and CiscoIPPhoneMenu, not ${root.name}`,
    };
  }
  const problems: string[] = [];
  return {
    ok: true,
    screen: {
      kind: root.name,
      title: textOf(root, 'Title'),
      prompt: textOf(root, 'Prompt'),
      text: root.name === 'CiscoIPPhoneText' ? textOf(root, 'Text') : undefined,
      menuItems: childrenNamed(root, 'MenuItem').map((item) => ({
        name: textOf(item, 'Name') ?? '',
        url: textOf(item, 'URL') ?? '',
      })),
      softKeys: softKeysOf(root, problems),
      problems,
    },
  };
}

function softKeysOf(root: XmlNode, problems: string[]): PreviewSoftKey[] {
  const keys: PreviewSoftKey[] = [];
  for (const item of childrenNamed(root, 'SoftKeyItem')) {
    const name = textOf(item, 'Name') ?? '';
    const raw = textOf(item, 'Position');
    const position = raw !== undefined && /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
    if (position < 1 || position > POSITION_MAX) {
      problems.push(
        `soft key "${name}" has no valid Position (1-${POSITION_MAX}): a phone refuses the screen`,
      );
      continue;
    }
    if (keys.some((key) => key.position === position)) {
      problems.push(`two soft keys at position ${position}: the phone shows one of them`);
      continue;
    }
    keys.push({ name, url: textOf(item, 'URL') ?? '', position });
  }
  return keys.sort((a, b) => a.position - b.position);
}

/** Phones match element names case-sensitively (`<title>` is not a Title), so this does too. */
function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((candidate) => candidate.name === name);
}

function textOf(node: XmlNode, name: string): string | undefined {
  return node.children.find((candidate) => candidate.name === name)?.text;
}
