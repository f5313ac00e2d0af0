import assert from 'node:assert/strict';

import { answer, endpointOf } from '../../src/simulator/protocol.js';
import { demoSeed } from '../../src/simulator/seed.js';
import { SimulatorState } from '../../src/simulator/state.js';
import { EM_TYPE, failure, logoutXml, PAGE_TYPE, SERVLET, SUCCESS } from './support.js';

describe('protocol.answer (no HTTP)', () => {
  it('answers a logout from the XML text alone', () => {
    const state = new SimulatorState(demoSeed());

    const result = answer(state, logoutXml('SEP001122334455'), { path: SERVLET });

    assert.deepEqual(result, { status: 200, contentType: EM_TYPE, body: SUCCESS });
    assert.equal(state.loggedInUser('SEP001122334455'), undefined);
  });

  it('answers 1 when the xml field is missing', () => {
    const result = answer(new SimulatorState(demoSeed()), undefined, { path: SERVLET });

    assert.deepEqual(result, {
      status: 200,
      contentType: EM_TYPE,
      body: failure(1, 'Error on Parsing'),
    });
  });

  it('answers an unknown path with a 404 page that escapes the path', () => {
    const result = answer(new SimulatorState(demoSeed()), '', { path: '/<script>' });

    assert.equal(result.status, 404);
    assert.equal(result.contentType, PAGE_TYPE);
    assert.ok(result.body.includes('<p><b>Message</b> /&lt;script&gt;</p>'));
  });

  it('maps paths to endpoints as Tomcat and IIS did', () => {
    const paths = [
      '/emservice/EMServiceServlet',
      '/EMservice/EMServiceServlet',
      '/EMSERVICE/EMServiceServlet',
      '/LoginService/login.asp',
      '/LOGINSERVICE/Query.asp',
      '/emservice/EMServiceServlet/',
    ];

    assert.deepEqual(paths.map(endpointOf), [
      'servlet',
      'servlet',
      undefined,
      'login-asp',
      'query-asp',
      undefined,
    ]);
  });
});
