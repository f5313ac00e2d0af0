import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

import { readPhoneContext, type PhoneContext } from '../../src/phone/context.js';
import * as phone from '../../src/phone/index.js';
import type { PhoneRequest } from '../../src/phone/request.js';

const FIXTURES = new URL('../fixtures/phones/', import.meta.url);
const SOURCES = new URL('../../src/phone/', import.meta.url);

/** A captured phone request, with header names lower-cased as node gives them. */
function fixtureHeaders(file: string): PhoneRequest['headers'] {
  const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as {
    headers: Record<string, string>;
  };
  return Object.fromEntries(
    Object.entries(fixture.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

const NOTHING_KNOWN: PhoneContext = {
  device: { ok: false, problem: 'missing' },
  model: { name: undefined, family: 'modern' },
  display: undefined,
  charset: 'utf-8',
  language: 'en',
};

describe('readPhoneContext', () => {
  describe('phone fixtures, with an empty query', () => {
    const cases: [string, Omit<PhoneContext, 'device'>][] = [
      [
        'cp-7921g.json',
        {
          model: { name: 'CP-7921G', family: 'classic' },
          display: { width: 176, height: 140, depth: 16, color: true },
          charset: 'iso-8859-1',
          language: 'en',
        },
      ],
      [
        'cp-7942g.json',
        {
          model: { name: 'CP-7942G', family: 'classic' },
          display: { width: 298, height: 144, depth: 3, color: false },
          charset: 'utf-8',
          language: 'en',
        },
      ],
      [
        'cp-7965.json',
        {
          model: { name: 'CP-7965G', family: 'classic' },
          display: { width: 298, height: 156, depth: 16, color: true },
          charset: 'utf-8',
          language: 'en',
        },
      ],
      [
        'cp-8845.json',
        {
          model: { name: 'CP-8845', family: 'modern' },
          display: { width: 559, height: 265, depth: 24, color: true },
          charset: 'utf-8',
          language: 'de',
        },
      ],
    ];
    for (const [file, expected] of cases) {
      it(`reads ${file}`, () => {
        const context = readPhoneContext({ query: {}, headers: fixtureHeaders(file) });
        assert.deepEqual(context, { device: { ok: false, problem: 'missing' }, ...expected });
      });
    }

    it('covers every fixture file', () => {
      const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));
      assert.deepEqual(files.sort(), cases.map(([file]) => file).sort());
    });
  });

  it('reads the query a 7942G sends from a provisioned service URL', () => {
    const context = readPhoneContext({
      query: { device: 'SEP001122334455', locale: 'German_Germany', name: 'SEP001122334455' },
      headers: fixtureHeaders('cp-7942g.json'),
    });

    assert.deepEqual(context, {
      device: { ok: true, name: 'SEP001122334455' },
      model: { name: 'CP-7942G', family: 'classic' },
      display: { width: 298, height: 144, depth: 3, color: false },
      charset: 'utf-8',
      language: 'de',
    });
  });

  describe('hostile requests', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('get');
        },
        has() {
          throw new Error('has');
        },
        getOwnPropertyDescriptor() {
          throw new Error('getOwnPropertyDescriptor');
        },
        ownKeys() {
          throw new Error('ownKeys');
        },
      },
    );
    const cases: [string, unknown][] = [
      ['null', null],
      ['a string', 'GET /logout'],
      ['null query and headers', { query: null, headers: null }],
      ['a string query and array headers', { query: 'device=SEP001122334455', headers: [] }],
      ['numbers', { query: 1, headers: 2 }],
      ['proxies that throw', { query: throwing, headers: throwing }],
      [
        'own __proto__ keys from JSON',
        JSON.parse(
          '{"query":{"__proto__":{"device":"SEP001122334455"}},' +
            '"headers":{"__proto__":{"x-ciscoipphonemodelname":"CP-7942G"}}}',
        ),
      ],
      [
        'inherited values',
        {
          query: Object.create({ device: 'SEP001122334455' }) as unknown,
          headers: Object.create({ 'accept-charset': 'iso-8859-1' }) as unknown,
        },
      ],
    ];
    for (const [title, request] of cases) {
      it(`reads nothing from ${title}`, () => {
        assert.deepEqual(readPhoneContext(request as PhoneRequest), NOTHING_KNOWN);
      });
    }

    it('reads 10 kB values in every field without throwing', () => {
      const big = `\u0000${'\u{1F600}x,;='.repeat(2_048)}`;
      const context = readPhoneContext({
        query: { device: big, name: [big, big], locale: big },
        headers: {
          'x-ciscoipphonemodelname': big,
          'x-ciscoipphonedisplay': big,
          'accept-charset': big,
          'accept-language': [big, big],
        },
      });

      assert.deepEqual(context, {
        device: { ok: false, problem: 'invalid', raw: '\u{1F600}x,;='.repeat(12) },
        model: { name: 'x,;='.repeat(10), family: 'modern' },
        display: undefined,
        charset: 'utf-8',
        language: 'en',
      });
    });
  });
});

describe('src/phone', () => {
  it('exports exactly the public API from index.ts', () => {
    assert.deepEqual(Object.keys(phone).sort(), [
      'DEVICE_NAME_MAX',
      'isValidDeviceName',
      'negotiateCharset',
      'negotiateLanguage',
      'readDeviceName',
      'readDisplay',
      'readModel',
      'readPhoneContext',
    ]);
  });

  it('never imports express', () => {
    const files = readdirSync(SOURCES).filter((file) => file.endsWith('.ts'));
    const importing = files.filter((file) =>
      /from\s+['"]express['"]|import\(\s*['"]express['"]/.test(
        readFileSync(new URL(file, SOURCES), 'utf8'),
      ),
    );
    assert.deepEqual(importing, []);
  });
});
