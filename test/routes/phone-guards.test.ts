import assert from 'node:assert/strict';
import request from 'supertest';
import { NetworkList } from '../../src/net/networks.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import { assertScreen, rawBody } from '../support/screens.js';
import { testService, type TestService } from '../support/service.js';

const HOST = 'phones.example:3000';

describe('phone route guards', function () {
  let simulator: RunningSimulator;
  let service: TestService;

  afterEach(async function () {
    await service.close();
    await simulator.close();
  });

  async function start(phone: Parameters<typeof testService>[0]['phone']) {
    simulator = await startSimulator();
    service = testService({ hostPort: simulator.hostPort, confirm: false, phone });
  }

  function get(path: string, headers: Record<string, string> = {}) {
    return request(service.app)
      .get(path)
      .set('Host', HOST)
      .set(headers)
      .buffer(true)
      .parse(rawBody);
  }

  it('refuses a source outside TRUSTED_NETWORKS with a screen and logs nobody out', async function () {
    await start({ trustedNetworks: new NetworkList(['10.0.0.0/8']) });

    assertScreen(await get('/logout?device=SEP001122334455'), 'refused.xml');
    assertScreen(await get('/logout/confirm?device=SEP001122334455'), 'refused.xml');
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    assert.deepEqual(
      service.logs.filter((line) => line.msg.includes('untrusted')).map((line) => line['source']),
      ['127.0.0.1', '127.0.0.1'],
    );
  });

  it('serves a source inside TRUSTED_NETWORKS', async function () {
    await start({ trustedNetworks: new NetworkList(['127.0.0.0/8']) });

    assertScreen(await get('/logout?device=SEP001122334455'), 'logged-out.xml');
  });

  it('reads the phone address from X-Forwarded-For only behind a trusted proxy', async function () {
    await start({ trustedNetworks: new NetworkList(['10.20.0.0/16']), trustProxy: 'loopback' });

    assertScreen(
      await get('/logout?device=SEP001122334455', { 'X-Forwarded-For': '10.20.30.40' }),
      'logged-out.xml',
    );
    assertScreen(
      await get('/logout?device=SEP00AABBCCDDEE', { 'X-Forwarded-For': '192.0.2.7' }),
      'refused.xml',
    );
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async function () {
    await start({ trustedNetworks: new NetworkList(['10.20.0.0/16']) });

    assertScreen(
      await get('/logout?device=SEP001122334455', { 'X-Forwarded-For': '10.20.30.40' }),
      'refused.xml',
    );
  });

  it('answers past PHONE_RATE_LIMIT per source with a screen, before CUCM is asked', async function () {
    await start({ rateLimitPerMinute: 2 });

    assertScreen(await get('/logout?device=SEP001122334455'), 'logged-out.xml');
    assertScreen(await get('/logout?device=SEP00AABBCCDDEE'), 'nobody-logged-in-00aa.xml');
    const requestsBefore = simulator.stats.requests;
    assertScreen(await get('/logout?device=SEPAABBCCDDEEFF'), 'too-many.xml');
    assert.equal(simulator.stats.requests, requestsBefore);
    assert.equal(simulator.state.loggedInUser('SEPAABBCCDDEEFF'), 'renée.müller@example.com');
  });

  it('does not rate-limit or guard the health check', async function () {
    await start({ trustedNetworks: new NetworkList(['10.0.0.0/8']), rateLimitPerMinute: 1 });

    for (let i = 0; i < 3; i += 1) {
      const res = await request(service.app).get('/healthz');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    }
  });
});
