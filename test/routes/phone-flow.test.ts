import assert from 'node:assert/strict';
import request from 'supertest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import { phoneHeaders } from '../support/phones.js';
import { assertScreen, LATIN1_XML, rawBody } from '../support/screens.js';
import { testService, type TestService } from '../support/service.js';

const HOST = 'phones.example:3000';

describe('phone flow against the CUCM simulator', function () {
  let simulator: RunningSimulator;
  let service: TestService;

  async function start(options: { confirm?: boolean; demo?: boolean } = {}) {
    simulator = await startSimulator();
    service = testService({ hostPort: simulator.hostPort, ...options });
  }

  function get(path: string, headers: Record<string, string> = {}) {
    return request(service.app)
      .get(path)
      .set('Host', HOST)
      .set(headers)
      .buffer(true)
      .parse(rawBody);
  }

  afterEach(async function () {
    await service.close();
    await simulator.close();
  });

  it('asks "Log out jdoe?" and logs out with the soft key', async function () {
    await start();

    assertScreen(await get('/logout?device=SEP001122334455'), 'confirm-modern.xml');
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');

    assertScreen(await get('/logout/confirm?device=SEP001122334455'), 'logged-out.xml');
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('places soft keys where a 7942G keeps its own (Select 1, Exit 3)', async function () {
    await start();
    const headers = phoneHeaders('cp-7942g');

    assertScreen(await get('/logout?device=SEP001122334455', headers), 'confirm-classic.xml');
    assertScreen(
      await get('/logout/confirm?device=SEP001122334455', headers),
      'logged-out-classic.xml',
    );
  });

  it('speaks German to an 8845 that sends Accept-Language de-DE', async function () {
    await start();
    assertScreen(
      await get('/logout?device=SEP001122334455', phoneHeaders('cp-8845')),
      'confirm-de-8845.xml',
    );
  });

  it('answers a 7921G in ISO-8859-1 with readable stand-ins for what it cannot show', async function () {
    await start();
    simulator.state.addUser({ id: 'Zoë Šimić “the łukasz”', profiles: ['zoe-udp'] });
    simulator.state.setLoggedIn('SEPAABBCCDDEEFF', 'Zoë Šimić “the łukasz”');

    const res = await get('/logout?device=SEPAABBCCDDEEFF', phoneHeaders('cp-7921g'));
    assertScreen(res, 'confirm-latin1-7921.xml', LATIN1_XML);
  });

  it('escapes every XML character of a user id on the confirm screen', async function () {
    await start();
    simulator.state.addUser({ id: `o'brien&co <ops> "desk"`, profiles: ['ob-udp'] });
    simulator.state.setLoggedIn('SEP112233445566', `o'brien&co <ops> "desk"`);

    assertScreen(await get('/logout?device=SEP112233445566'), 'confirm-escaped-user.xml');
  });

  it('drops control and direction-override characters a user id may carry', async function () {
    await start();
    const id = '\u202Ej\u0085d\u200Fo\u2066e\u009F';
    simulator.state.addUser({ id, profiles: ['x-udp'] });
    simulator.state.setLoggedIn('SEP001122334455', id);

    assertScreen(await get('/logout?device=SEP001122334455'), 'confirm-modern.xml');
  });

  it('says "demo" in the title when running on the embedded simulator', async function () {
    await start({ demo: true });
    assertScreen(await get('/logout?device=SEP001122334455'), 'confirm-demo.xml');
  });

  it('logs out at once when LOGOUT_CONFIRM is off', async function () {
    await start({ confirm: false });

    assertScreen(await get('/logout?device=SEP001122334455'), 'logged-out.xml');
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('shows the success again when the key is pressed twice', async function () {
    await start();

    assertScreen(await get('/logout/confirm?device=SEP001122334455'), 'logged-out.xml');
    assertScreen(await get('/logout/confirm?device=SEP001122334455'), 'logged-out.xml');
  });

  it('accepts the name= parameter phones append, trimmed and upper-cased', async function () {
    await start();
    assertScreen(
      await get('/logout?locale=English_United_States&name=sep001122334455%20'),
      'confirm-modern.xml',
    );
  });

  it('never logs out on HEAD', async function () {
    await start({ confirm: false });

    const res = await request(service.app).head('/logout?device=SEP001122334455').set('Host', HOST);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
  });
});

describe('phone screens in the phone language', function () {
  let simulator: RunningSimulator;
  let service: TestService;

  beforeEach(async function () {
    simulator = await startSimulator();
    service = testService({ hostPort: simulator.hostPort });
  });

  afterEach(async function () {
    await service.close();
    await simulator.close();
  });

  function get(path: string, headers: Record<string, string> = {}) {
    return request(service.app)
      .get(path)
      .set('Host', HOST)
      .set(headers)
      .buffer(true)
      .parse(rawBody);
  }

  it('speaks French when the phone says locale=French_France, whatever Accept-Language says', async function () {
    const res = await get('/logout?device=SEP001122334455&locale=French_France', {
      'Accept-Language': 'en_US',
    });
    assertScreen(res, 'confirm-fr.xml');
  });

  it('speaks Spanish to Accept-Language es-ES', async function () {
    assertScreen(
      await get('/logout/confirm?device=SEP00AABBCCDDEE', { 'Accept-Language': 'es-ES' }),
      'nobody-es.xml',
    );
  });

  it('reads the locale a phone appended after a second "?" in the service URL', async function () {
    const path = '/logout?device=SEP001122334455?locale=German_Germany&name=SEP001122334455';
    assertScreen(await get(path), 'confirm-de-8845.xml');
  });

  it('falls back to English for a language it does not have', async function () {
    assertScreen(
      await get('/logout?device=SEP001122334455', { 'Accept-Language': 'it-IT' }),
      'confirm-modern.xml',
    );
  });
});
