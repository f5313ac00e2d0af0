import assert from 'node:assert/strict';

import { negotiateCharset, type PhoneCharset } from '../../src/phone/charset.js';
import type { PhoneRequest } from '../../src/phone/request.js';

function withAcceptCharset(value: unknown): PhoneRequest['headers'] {
  return { 'accept-charset': value } as PhoneRequest['headers'];
}

/** `utf-8` ends at the 512-character cap; the `;q=0` refusing it lies beyond. */
const REFUSAL_CUT_AT_CAP = `iso-8859-1,${'a'.repeat(495)},utf-8;q=0`;

describe('negotiateCharset', () => {
  const cases: [string, unknown, PhoneCharset][] = [
    ['no header', undefined, 'utf-8'],
    ['an empty header', '', 'utf-8'],
    ['older firmware: ISO-8859-1 only', 'iso-8859-1', 'iso-8859-1'],
    ['ISO-8859-1 in upper case', 'ISO-8859-1', 'iso-8859-1'],
    ['the alias latin1', 'latin1', 'iso-8859-1'],
    ['the alias iso_8859-1', 'iso_8859-1', 'iso-8859-1'],
    ['79xx: UTF-8 ranked below ISO-8859-1', 'iso-8859-1,utf-8;q=0.8', 'utf-8'],
    ['88xx: UTF-8 first', 'utf-8,iso-8859-1;q=0.8', 'utf-8'],
    ['UTF-8 alone', 'utf-8', 'utf-8'],
    ['UTF-8 in upper case', 'UTF-8', 'utf-8'],
    ['the alias utf8', 'utf8', 'utf-8'],
    ['the alias UTF8 at a low q', 'iso-8859-1, UTF8;q=0.1', 'utf-8'],
    ['UTF-8 at the lowest q above 0', 'iso-8859-1, utf-8;q=0.001', 'utf-8'],
    ['UTF-8 refused', 'utf-8;q=0', 'iso-8859-1'],
    ['UTF-8 refused as 0.000', 'utf-8;q=0.000', 'iso-8859-1'],
    ['UTF-8 refused with an upper-case Q', 'utf-8;Q=0', 'iso-8859-1'],
    ['UTF-8 refused beside ISO-8859-1', 'utf-8;q=0, iso-8859-1', 'iso-8859-1'],
    ['both refused', 'iso-8859-1;q=0, utf-8;q=0', 'iso-8859-1'],
    ['a wildcard', '*', 'utf-8'],
    ['a wildcard at a low q', 'iso-8859-1, *;q=0.1', 'utf-8'],
    ['a refused wildcard', 'iso-8859-1, *;q=0', 'iso-8859-1'],
    ['UTF-8 refused by name despite a wildcard', 'utf-8;q=0, *', 'iso-8859-1'],
    ['neither named: us-ascii', 'us-ascii', 'iso-8859-1'],
    ['spaces around parts', ' iso-8859-1 , utf-8 ; q=0.8 ', 'utf-8'],
    ['an unreadable q skips that entry', 'iso-8859-1, utf-8;q=2', 'iso-8859-1'],
    ['an unreadable q on the only entry', 'utf-8;q=abc', 'utf-8'],
    ['only separators', ';;;,,,', 'utf-8'],
    ['a token with a NUL', 'utf-8\u0000', 'utf-8'],
    ['a NUL beside ISO-8859-1', 'iso-8859-1, utf-8\u0000', 'iso-8859-1'],
    ['an array joined as one list', ['iso-8859-1', 'utf-8;q=0.5'], 'utf-8'],
    ['a one-element array', ['iso-8859-1'], 'iso-8859-1'],
    ['an array of non-strings', [1, { a: 2 }], 'utf-8'],
    ['10 kB before UTF-8, read no further', `iso-8859-1,${'x'.repeat(10_240)},utf-8`, 'iso-8859-1'],
    ['an entry cut at the cap is dropped, not misread', REFUSAL_CUT_AT_CAP, 'iso-8859-1'],
    ['a number', 8859, 'utf-8'],
    ['an object', { 'utf-8': 1 }, 'utf-8'],
  ];
  for (const [title, value, expected] of cases) {
    it(`answers ${expected} for ${title}`, () => {
      assert.equal(negotiateCharset(withAcceptCharset(value)), expected);
    });
  }

  it('places utf-8 exactly at the 512-character cap in the cut-entry case', () => {
    assert.equal(REFUSAL_CUT_AT_CAP.indexOf('utf-8'), 507);
    assert.equal(REFUSAL_CUT_AT_CAP.slice(0, 512).endsWith(',utf-8'), true);
  });
});
