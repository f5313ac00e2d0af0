import assert from 'node:assert/strict';

import { readModel, type PhoneModel } from '../../src/phone/model.js';
import type { PhoneRequest } from '../../src/phone/request.js';

const HEADER = 'x-ciscoipphonemodelname';

function withModel(value: unknown): PhoneRequest['headers'] {
  return { [HEADER]: value } as PhoneRequest['headers'];
}

describe('readModel', () => {
  describe('family from the model number', () => {
    const cases: [string, PhoneModel['family']][] = [
      ['CP-7940', 'classic'],
      ['CP-7942G', 'classic'],
      ['CP-7960', 'classic'],
      ['CP-7965G', 'classic'],
      ['CP-7975G', 'classic'],
      ['CP-7921G', 'classic'],
      ['CP-7925G', 'classic'],
      ['CP-7926G', 'classic'],
      ['CP-6921', 'classic'],
      ['CP-6961', 'classic'],
      ['CP-7811', 'modern'],
      ['CP-7821', 'modern'],
      ['CP-7832', 'modern'],
      ['CP-7841', 'modern'],
      ['CP-7861', 'modern'],
      ['CP-8811', 'modern'],
      ['CP-8821', 'modern'],
      ['CP-8832', 'modern'],
      ['CP-8845', 'modern'],
      ['CP-8865', 'modern'],
      ['CP-8875', 'modern'],
      ['CP-9841', 'modern'],
      ['CP-9871', 'modern'],
      ['CP-9951', 'modern'],
      ['CP-9971', 'modern'],
    ];
    for (const [name, family] of cases) {
      it(`reads ${name} as ${family}`, () => {
        assert.deepEqual(readModel(withModel(name)), { name, family });
      });
    }
  });

  describe('odd and hostile values', () => {
    const cases: { title: string; headers: PhoneRequest['headers']; expected: PhoneModel }[] = [
      { title: 'no header', headers: {}, expected: { name: undefined, family: 'modern' } },
      {
        title: 'an empty header',
        headers: withModel(''),
        expected: { name: undefined, family: 'modern' },
      },
      {
        title: 'surrounding spaces',
        headers: withModel('  CP-7942G '),
        expected: { name: 'CP-7942G', family: 'classic' },
      },
      {
        title: 'lower case, kept as sent',
        headers: withModel('cp-7942g'),
        expected: { name: 'cp-7942g', family: 'classic' },
      },
      {
        title: 'no dash',
        headers: withModel('CP7942G'),
        expected: { name: 'CP7942G', family: 'classic' },
      },
      {
        title: 'an unknown model',
        headers: withModel('Cisco IP Communicator'),
        expected: { name: 'Cisco IP Communicator', family: 'modern' },
      },
      {
        title: 'a three-digit number',
        headers: withModel('CP-794'),
        expected: { name: 'CP-794', family: 'modern' },
      },
      {
        title: 'a five-digit number',
        headers: withModel('CP-79421'),
        expected: { name: 'CP-79421', family: 'modern' },
      },
      {
        title: 'a one-element array',
        headers: withModel(['CP-7942G']),
        expected: { name: 'CP-7942G', family: 'classic' },
      },
      {
        title: 'an array of two models',
        headers: withModel(['CP-7942G', 'CP-8845']),
        expected: { name: undefined, family: 'modern' },
      },
      {
        title: 'control characters and CR LF removed',
        headers: withModel('CP-7942G\u0000\r\nX-Injected: 1'),
        expected: { name: 'CP-7942GX-Injected: 1', family: 'classic' },
      },
      {
        title: 'non-ASCII removed',
        headers: withModel('T\u00E9l\u00E9phone \u{1F4DE}'),
        expected: { name: 'Tlphone', family: 'modern' },
      },
      {
        title: 'a 10 kB value cut to 40 characters',
        headers: withModel(`CP-7942G${'x'.repeat(10_240)}`),
        expected: { name: `CP-7942G${'x'.repeat(32)}`, family: 'classic' },
      },
      {
        title: 'only control characters',
        headers: withModel('\u0001\u0002\u007F'),
        expected: { name: undefined, family: 'modern' },
      },
      {
        title: 'a number',
        headers: withModel(7942),
        expected: { name: undefined, family: 'modern' },
      },
      {
        title: 'an object',
        headers: withModel({ name: 'CP-7942G' }),
        expected: { name: undefined, family: 'modern' },
      },
      {
        title: 'a header name not in lower case (node always lower-cases)',
        headers: { 'x-CiscoIPPhoneModelName': 'CP-7942G' },
        expected: { name: undefined, family: 'modern' },
      },
    ];
    for (const { title, headers, expected } of cases) {
      it(`reads ${title}`, () => {
        assert.deepEqual(readModel(headers), expected);
      });
    }
  });
});
