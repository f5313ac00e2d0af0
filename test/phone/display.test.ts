import assert from 'node:assert/strict';

import { readDisplay, type PhoneDisplay } from '../../src/phone/display.js';
import type { PhoneRequest } from '../../src/phone/request.js';

function withDisplay(value: unknown): PhoneRequest['headers'] {
  return { 'x-ciscoipphonedisplay': value } as PhoneRequest['headers'];
}

function display(width: number, height: number, depth: number, color: boolean): PhoneDisplay {
  return { width, height, depth, color };
}

describe('readDisplay', () => {
  const cases: [string, unknown, PhoneDisplay | undefined][] = [
    ['no spaces (7942G)', '298,144,3,G', display(298, 144, 3, false)],
    ['spaces after commas (7921G)', '176, 140, 16, C', display(176, 140, 16, true)],
    ['8845', '559, 265, 24, C', display(559, 265, 24, true)],
    ['spaces everywhere', ' 133 ,65 , 2 , G ', display(133, 65, 2, false)],
    ['lower-case g', '298,144,4,g', display(298, 144, 4, false)],
    ['lower-case c', '298,168,12,c', display(298, 168, 12, true)],
    ['the largest width', '9999,360,24,C', display(9999, 360, 24, true)],
    ['the largest depth', '960,360,32,C', display(960, 360, 32, true)],
    ['a one-element array', ['298,144,3,G'], display(298, 144, 3, false)],
    [
      'trailing spaces in a 10 kB value',
      `298,144,3,G${' '.repeat(10_240)}`,
      display(298, 144, 3, false),
    ],
    ['no header', undefined, undefined],
    ['an empty value', '', undefined],
    ['three parts', '298,144,3', undefined],
    ['five parts', '298,144,3,G,1', undefined],
    ['an empty fourth part', '298,144,3,', undefined],
    ['an unknown colour flag', '298,144,3,X', undefined],
    ['a colour word', '298,144,3,Color', undefined],
    ['a zero width', '0,144,3,G', undefined],
    ['a negative width', '-298,144,3,G', undefined],
    ['a decimal width', '298.5,144,3,G', undefined],
    ['a hex width', '0x12A,144,3,G', undefined],
    ['an exponent', '1e3,144,3,G', undefined],
    ['a five-digit width', '99999,144,3,G', undefined],
    ['a zero depth', '298,144,0,G', undefined],
    ['a depth over 32', '298,144,33,G', undefined],
    ['semicolons', '298;144;3;G', undefined],
    ['Arabic-Indic digits', '\u0662\u0669\u0668,144,3,G', undefined],
    ['a NUL after the flag', '298,144,3,G\u0000', undefined],
    ['10 kB of commas', ','.repeat(10_240), undefined],
    ['10 kB after the flag', `298,144,3,G${'x'.repeat(10_240)}`, undefined],
    ['an array of two', ['298,144,3,G', '298,144,3,G'], undefined],
    ['a number', 298, undefined],
    ['an object', { width: 298 }, undefined],
  ];
  for (const [title, value, expected] of cases) {
    it(`reads ${title}`, () => {
      assert.deepEqual(readDisplay(withDisplay(value)), expected);
    });
  }
});
