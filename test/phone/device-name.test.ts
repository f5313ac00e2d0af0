import assert from 'node:assert/strict';

import {
  DEVICE_NAME_MAX,
  isValidDeviceName,
  readDeviceName,
  type DeviceNameResult,
} from '../../src/phone/device-name.js';

const PHONE = 'SEP001122334455';
const OTHER_PHONE = 'SEPAABBCCDDEEFF';

interface Case {
  title: string;
  query: Record<string, unknown>;
  expected: DeviceNameResult;
}

function ok(name: string): DeviceNameResult {
  return { ok: true, name };
}

function refused(problem: 'placeholder' | 'invalid' | 'ambiguous', raw?: string): DeviceNameResult {
  return raw === undefined ? { ok: false, problem } : { ok: false, problem, raw };
}

const MISSING: DeviceNameResult = { ok: false, problem: 'missing' };

function check(cases: Case[]): void {
  for (const { title, query, expected } of cases) {
    it(title, () => {
      assert.deepEqual(readDeviceName(query), expected);
    });
  }
}

describe('readDeviceName', () => {
  describe('accepts', () => {
    check([
      { title: 'device= as provisioned', query: { device: PHONE }, expected: ok(PHONE) },
      { title: 'name= as phones append it', query: { name: PHONE }, expected: ok(PHONE) },
      {
        title: 'lower-case hex, upper-cased',
        query: { device: 'sep00112233aabb' },
        expected: ok('SEP00112233AABB'),
      },
      {
        title: 'a trailing space as in CUCM traces',
        query: { device: `${PHONE} ` },
        expected: ok(PHONE),
      },
      { title: 'leading spaces', query: { device: `   ${PHONE}` }, expected: ok(PHONE) },
      {
        title: 'device= and name= naming the same phone',
        query: { device: PHONE, name: 'sep001122334455 ', locale: 'English_United_States' },
        expected: ok(PHONE),
      },
      {
        title: 'a repeated device= with one value',
        query: { device: [PHONE, `${PHONE} `, 'sep001122334455'] },
        expected: ok(PHONE),
      },
      {
        title: 'an empty device= beside name=',
        query: { device: '', name: PHONE },
        expected: ok(PHONE),
      },
      {
        title: 'empty repeats beside a real value',
        query: { device: ['', PHONE, '  '] },
        expected: ok(PHONE),
      },
      { title: 'a Jabber CSF device', query: { device: 'CSFJSMITH' }, expected: ok('CSFJSMITH') },
      { title: 'a BOT device', query: { name: 'botjsmith' }, expected: ok('BOTJSMITH') },
      { title: 'a TCT device', query: { device: 'TCTJSMITH' }, expected: ok('TCTJSMITH') },
      {
        title: 'an ATA port',
        query: { device: 'ATA001122334455' },
        expected: ok('ATA001122334455'),
      },
      {
        title: 'dots, underscores and dashes after a letter',
        query: { device: 'my.phone_1-a' },
        expected: ok('MY.PHONE_1-A'),
      },
      { title: 'a single letter', query: { device: 'a' }, expected: ok('A') },
      {
        title: 'exactly 50 characters',
        query: { device: `B${'X'.repeat(49)}` },
        expected: ok(`B${'X'.repeat(49)}`),
      },
      {
        title: '16 identical repeats',
        query: { device: Array<string>(16).fill(PHONE) },
        expected: ok(PHONE),
      },
      {
        title: 'unknown parameters beside it',
        query: { device: PHONE, foo: { bar: ['x'] }, locale: 42 },
        expected: ok(PHONE),
      },
    ]);
  });

  describe('reports missing', () => {
    check([
      { title: 'an empty query', query: {}, expected: MISSING },
      { title: 'device= empty', query: { device: '' }, expected: MISSING },
      { title: 'device= only spaces', query: { device: '   ' }, expected: MISSING },
      { title: 'device= an empty array', query: { device: [] }, expected: MISSING },
      { title: 'device= undefined', query: { device: undefined }, expected: MISSING },
      { title: 'device null', query: { device: null }, expected: MISSING },
      { title: 'only other parameters', query: { locale: 'de_DE', id: PHONE }, expected: MISSING },
      {
        title: 'device inherited, not own',
        query: Object.create({ device: PHONE }) as Record<string, unknown>,
        expected: MISSING,
      },
    ]);
  });

  describe('reports placeholder', () => {
    check([
      {
        title: 'the literal #DEVICENAME#',
        query: { device: '#DEVICENAME#' },
        expected: refused('placeholder', '#DEVICENAME#'),
      },
      {
        title: 'the placeholder in lower case',
        query: { device: '#devicename#' },
        expected: refused('placeholder', '#devicename#'),
      },
      {
        title: 'the placeholder double-encoded and decoded once',
        query: { device: '%23DEVICENAME%23' },
        expected: refused('placeholder', '%23DEVICENAME%23'),
      },
      {
        title: 'the bare word',
        query: { device: 'DeviceName' },
        expected: refused('placeholder', 'DeviceName'),
      },
      {
        title: 'the placeholder with spaces',
        query: { device: ' #DEVICENAME# ' },
        expected: refused('placeholder', '#DEVICENAME#'),
      },
      {
        title: 'the placeholder even when the phone appended name=',
        query: { device: '#DEVICENAME#', name: PHONE },
        expected: refused('placeholder', '#DEVICENAME#'),
      },
      {
        title: 'the placeholder before an invalid value',
        query: { device: ['bad name', '#DEVICENAME#'] },
        expected: refused('placeholder', '#DEVICENAME#'),
      },
    ]);
  });

  describe('reports invalid', () => {
    check([
      {
        title: 'SEP with 11 hex digits',
        query: { device: 'SEP00112233445' },
        expected: refused('invalid', 'SEP00112233445'),
      },
      {
        title: 'SEP with 13 hex digits',
        query: { device: 'SEP0011223344556' },
        expected: refused('invalid', 'SEP0011223344556'),
      },
      {
        title: 'SEP with a non-hex digit',
        query: { device: 'SEP00112233445G' },
        expected: refused('invalid', 'SEP00112233445G'),
      },
      {
        title: 'a word that starts with SEP',
        query: { device: 'separate' },
        expected: refused('invalid', 'separate'),
      },
      { title: 'SEP alone', query: { device: 'SEP' }, expected: refused('invalid', 'SEP') },
      {
        title: 'a leading digit',
        query: { device: '1SEP001122334455' },
        expected: refused('invalid', '1SEP001122334455'),
      },
      {
        title: 'a leading underscore',
        query: { device: '_ABC' },
        expected: refused('invalid', '_ABC'),
      },
      {
        title: '51 characters',
        query: { device: `B${'X'.repeat(50)}` },
        expected: refused('invalid', `B${'X'.repeat(50)}`),
      },
      {
        title: 'a space inside',
        query: { device: 'SEP 001122334455' },
        expected: refused('invalid', 'SEP 001122334455'),
      },
      {
        title: 'a NUL (%00) at the end',
        query: { device: `${PHONE}\u0000` },
        expected: refused('invalid', PHONE),
      },
      {
        title: 'a literal %00 that was not decoded',
        query: { device: `${PHONE}%00` },
        expected: refused('invalid', `${PHONE}%00`),
      },
      {
        title: 'a trailing line feed',
        query: { device: `${PHONE}\n` },
        expected: refused('invalid', PHONE),
      },
      {
        title: 'a leading tab',
        query: { device: `\t${PHONE}` },
        expected: refused('invalid', PHONE),
      },
      {
        title: 'CR LF and a header inside',
        query: { device: `${PHONE}\r\nSet-Cookie: x=1` },
        expected: refused('invalid', `${PHONE}Set-Cookie: x=1`),
      },
      {
        title: 'a right-to-left override',
        query: { device: `\u202E${PHONE}` },
        expected: refused('invalid', PHONE),
      },
      {
        title: 'an unpaired surrogate',
        query: { device: `\uD800${PHONE}` },
        expected: refused('invalid', PHONE),
      },
      {
        title: 'a long s that upper-cases to S',
        query: { device: '\u017Fep001122334455' },
        expected: refused('invalid', '\u017Fep001122334455'),
      },
      {
        title: 'a dotless i that upper-cases to I',
        query: { device: 'CSF\u0131SMITH' },
        expected: refused('invalid', 'CSF\u0131SMITH'),
      },
      {
        title: 'a full-width digit',
        query: { device: 'SEP00112233445\uFF15' },
        expected: refused('invalid', 'SEP00112233445\uFF15'),
      },
      {
        title: 'a 10 kB string, quoted to 60 characters',
        query: { device: 'x'.repeat(10_240) },
        expected: refused('invalid', 'x'.repeat(60)),
      },
      {
        title: 'control characters dropped from the quote',
        query: { device: `${'\u0007'.repeat(10)}A B` },
        expected: refused('invalid', 'A B'),
      },
      {
        title: 'emoji quoted by code point, never half a pair',
        query: { device: '\u{1F600}'.repeat(61) },
        expected: refused('invalid', '\u{1F600}'.repeat(60)),
      },
      { title: 'a nested object', query: { device: { a: PHONE } }, expected: refused('invalid') },
      { title: 'a number', query: { device: 42 }, expected: refused('invalid') },
      {
        title: 'an object inside an array',
        query: { device: [PHONE, { x: 1 }] },
        expected: refused('invalid'),
      },
      { title: 'a nested array', query: { device: [[PHONE]] }, expected: refused('invalid') },
      {
        title: '17 repeats',
        query: { device: Array<string>(17).fill(PHONE) },
        expected: refused('invalid'),
      },
      {
        title: 'a bad name= beside a good device=',
        query: { device: PHONE, name: 'bad name' },
        expected: refused('invalid', 'bad name'),
      },
    ]);
  });

  describe('reports ambiguous', () => {
    check([
      {
        title: 'device= and name= naming different phones',
        query: { device: PHONE, name: OTHER_PHONE },
        expected: refused('ambiguous', `${PHONE}, ${OTHER_PHONE}`),
      },
      {
        title: 'device= repeated with different phones',
        query: { device: [PHONE, 'sepaabbccddeeff'] },
        expected: refused('ambiguous', `${PHONE}, ${OTHER_PHONE}`),
      },
      {
        title: 'name= repeated with a phone and a CSF',
        query: { name: [PHONE, 'CSFJSMITH'] },
        expected: refused('ambiguous', `${PHONE}, CSFJSMITH`),
      },
      {
        title: 'four phones, quoted to 60 characters',
        query: { device: [PHONE, OTHER_PHONE, 'SEP0000000000AA'], name: 'SEP000000000000' },
        expected: refused('ambiguous', `${PHONE}, ${OTHER_PHONE}, SEP0000000000AA, SEP000000`),
      },
    ]);
  });
});

describe('isValidDeviceName', () => {
  const cases: [string, boolean][] = [
    [PHONE, true],
    ['SEPABCDEF012345', true],
    ['CSFJSMITH', true],
    ['A.B_C-D9', true],
    ['A', true],
    [`B${'X'.repeat(49)}`, true],
    [`B${'X'.repeat(50)}`, false],
    ['sep001122334455', false],
    [`${PHONE} `, false],
    ['SEP00112233445', false],
    ['SEPARATE', false],
    ['DEVICENAME', false],
    ['#DEVICENAME#', false],
    ['9ABC', false],
    ['', false],
    [`${PHONE}\u0000`, false],
  ];
  for (const [name, expected] of cases) {
    it(`says ${String(expected)} for ${JSON.stringify(name)}`, () => {
      assert.equal(isValidDeviceName(name), expected);
    });
  }

  it('says false for a value that is not a string', () => {
    assert.equal(isValidDeviceName(42 as unknown as string), false);
  });

  it('allows names of up to DEVICE_NAME_MAX = 50 characters', () => {
    assert.equal(DEVICE_NAME_MAX, 50);
  });
});
