import assert from 'node:assert/strict';
import request from 'supertest';
import { startUpstream, emFixture, type Upstream } from '../support/upstream.js';
import { bodyText, rawBody, screenFile } from '../support/screens.js';
import { testService, type TestService } from '../support/service.js';

describe('circuit breaker per EM node', function () {
  let upstream: Upstream | undefined;
  let service: TestService;

  afterEach(async function () {
    await service.close();
    await upstream?.close();
    upstream = undefined;
  });

  it('opens after repeated network failures, answers at once, and closes after a good trial', async function () {
    const dead = await startUpstream({ body: '' });
    const hostPort = dead.hostPort;
    await dead.close();
    let now = 1_000_000;
    service = testService({
      hostPort,
      confirm: false,
      client: { breaker: { threshold: 2, cooldownMs: 30_000 }, now: () => now },
    });
    const press = (device: string) =>
      request(service.app)
        .get(`/logout?device=${device}`)
        .set('Host', 'phones.example:3000')
        .buffer(true)
        .parse(rawBody);

    assert.equal(bodyText(await press('SEP003094C25B15')), screenFile('failed-refused.xml'));
    assert.equal(bodyText(await press('SEP003094C25B15')), screenFile('failed-refused.xml'));
    assert.deepEqual(service.em.circuits(), { [hostPort]: 'open' });

    assert.equal(bodyText(await press('SEP003094C25B15')), screenFile('failed-open-circuit.xml'));
    const skipped = service.logs.filter((line) => line.msg === 'logout failed').at(-1);
    assert.deepEqual((skipped?.['failure'] as { reason?: string }).reason, 'open-circuit');

    // The node comes back; after the cooldown one trial closes the circuit.
    const port = Number(hostPort.split(':')[1]);
    upstream = await startUpstream({ body: emFixture('logout-success.xml') }, port);
    now += 30_000;
    assert.deepEqual(service.em.circuits(), { [hostPort]: 'half-open' });
    assert.equal(bodyText(await press('SEP003094C25B15')), screenFile('logged-out-3094.xml'));
    assert.deepEqual(service.em.circuits(), { [hostPort]: 'closed' });
  });
});

describe('circuit breaker and retried resets', function () {
  it('counts one failing operation once, however many resets it retried', async function () {
    const upstream = await startUpstream({ reset: true });
    const service = testService({
      hostPort: upstream.hostPort,
      client: { breaker: { threshold: 2, cooldownMs: 30_000 }, timeoutMs: 300 },
    });
    try {
      const outcome = await service.em.logout('SEP003094C25B15');
      assert.equal(outcome.ok ? undefined : outcome.failure.reason, 'reset');
      assert.equal(outcome.attempts > 2, true);
      assert.deepEqual(service.em.circuits(), { [upstream.hostPort]: 'closed' });

      await service.em.logout('SEP003094C25B15');
      assert.deepEqual(service.em.circuits(), { [upstream.hostPort]: 'open' });
    } finally {
      await service.close();
      await upstream.close();
    }
  });
});
