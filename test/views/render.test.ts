import assert from 'node:assert/strict';
import { create } from 'xmlbuilder2';
import { renderScreen } from '../../views/render.js';
import type { Screen } from '../../views/screen.js';

/**
 * What xmlbuilder2 writes when the screen is built as a DOM, quotes escaped after.
 * Every `&` is escaped first: xmlbuilder2 alone would leave `&amp;` in a value as is.
 */
function reference(screen: Screen, positions: number[], encoding: 'UTF-8' | 'ISO-8859-1'): string {
  const root = create({ version: '1.0', encoding }).ele('CiscoIPPhoneText');
  const amp = (text: string) => text.replaceAll('&', '&amp;');
  root.ele('Title').txt(amp(screen.title));
  if (screen.prompt !== undefined) root.ele('Prompt').txt(amp(screen.prompt));
  root.ele('Text').txt(amp(screen.text));
  screen.softKeys.forEach((key, index) => {
    const item = root.ele('SoftKeyItem');
    item.ele('Name').txt(amp(key.label));
    item.ele('URL').txt(amp(key.url));
    item.ele('Position').txt(String(positions[index]));
  });
  const xml = root.end({ prettyPrint: true });
  const end = xml.indexOf('?>') + 2;
  return `${xml.slice(0, end)}${xml.slice(end).replaceAll('"', '&quot;').replaceAll("'", '&apos;')}\n`;
}

describe('screen rendering from templates', function () {
  const texts = [
    'plain',
    `a & b < c > d " e ' f`,
    'two\nlines\r\nand\ttab',
    'slot1s]]>&amp;',
    'é ü ß',
  ];

  for (const text of texts) {
    it(`writes what a DOM build writes, for ${JSON.stringify(text)}`, function () {
      const screen: Screen = {
        title: text.slice(0, 10),
        prompt: text.slice(0, 8),
        text,
        softKeys: [
          { label: 'Exit', role: 'exit', url: 'SoftKey:Exit' },
          {
            label: text.slice(0, 6),
            role: 'select',
            url: `http://h.example/logout?device=A&x=${encodeURIComponent(text)}`,
          },
        ],
      };
      const rendered = renderScreen(screen, { family: 'classic', charset: 'utf-8' });
      const expected = reference(
        { ...screen, softKeys: [screen.softKeys[1]!, screen.softKeys[0]!] },
        [1, 3],
        'UTF-8',
      );
      assert.equal(rendered.body.toString('utf8'), expected);
      assert.equal(rendered.contentType, 'text/xml; charset=utf-8');
    });
  }

  it('writes what a DOM build writes for a screen without a prompt, in ISO-8859-1', function () {
    const screen: Screen = { title: 'T', text: 'café', softKeys: [] };
    const rendered = renderScreen(screen, { family: 'modern', charset: 'iso-8859-1' });
    assert.equal(rendered.body.toString('latin1'), reference(screen, [], 'ISO-8859-1'));
    assert.equal(rendered.contentType, 'text/xml; charset=iso-8859-1');
  });
});
