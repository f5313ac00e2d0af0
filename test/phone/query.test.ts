import assert from 'node:assert/strict';
import { parse } from 'node:querystring';
import { readPhoneContext } from '../../src/phone/index.js';

/** The service URL's query and the `?locale=…&name=…` a phone appends to it, as they arrive. */
describe('phone query with the parameters the phone appended', function () {
  const cases: [string, string, ReturnType<typeof readPhoneContext>['device'], string][] = [
    [
      'a second "?" after the provisioned device',
      'device=SEP001122334455?locale=German_Germany&name=SEP001122334455',
      { ok: true, name: 'SEP001122334455' },
      'de',
    ],
    [
      'the appended parameters after "&"',
      'device=SEP001122334455&locale=French_France&name=SEP001122334455',
      { ok: true, name: 'SEP001122334455' },
      'fr',
    ],
    [
      'only name=, with a "?" inside',
      'name=sep001122334455?locale=Spanish_Spain',
      { ok: true, name: 'SEP001122334455' },
      'es',
    ],
    [
      'the placeholder before the appended "?"',
      'device=#DEVICENAME#?locale=English_United_States&name=SEP001122334455',
      { ok: false, problem: 'placeholder', raw: '#DEVICENAME#' },
      'en',
    ],
    [
      'an appended name= that disagrees with device=',
      'device=SEP001122334455?name=SEP00AABBCCDDEE',
      { ok: false, problem: 'ambiguous', raw: 'SEP001122334455, SEP00AABBCCDDEE' },
      'en',
    ],
  ];

  for (const [name, query, device, language] of cases) {
    it(`reads ${name}`, function () {
      const context = readPhoneContext({ query: parse(query), headers: {} });
      assert.deepEqual(context.device, device);
      assert.equal(context.language, language);
    });
  }
});
