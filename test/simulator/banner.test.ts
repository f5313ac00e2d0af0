import assert from 'node:assert/strict';

import { bannerText } from '../../src/simulator/banner.js';
import { demoSeed } from '../../src/simulator/seed.js';
import { SimulatorState } from '../../src/simulator/state.js';

describe('bannerText', () => {
  it('tells where the simulator is, how to point em-logout at it, and who is where', () => {
    const text = bannerText({
      url: 'http://127.0.0.1:8080',
      hostPort: '127.0.0.1:8080',
      devices: new SimulatorState(demoSeed()).devices(),
      latencyMs: 400,
      maxConcurrent: 5,
    });

    assert.equal(
      text,
      [
        'CUCM Extension Mobility simulator listening on http://127.0.0.1:8080',
        '',
        'Run em-logout against it with:',
        '  CUCM_HOST=127.0.0.1:8080',
        '  EM_APP_ID=emlogout',
        '  EM_APP_CERTIFICATE=demo-secret',
        '(or EM_URL=http://127.0.0.1:8080/emservice/EMServiceServlet in place of CUCM_HOST)',
        '',
        'Throttle: 5 concurrent operations, 400 ms each',
        '',
        'Demo devices:',
        '  SEP001122334455  jdoe',
        '  SEP00AABBCCDDEE  (nobody logged in)',
        '  SEP0A1B2C3D4E5F  (Extension Mobility disabled)',
        '  SEPAABBCCDDEEFF  renée.müller@example.com',
        "  SEP112233445566  o'brien&co",
        '',
        'Stop with Ctrl+C.',
      ].join('\n'),
    );
  });
});
