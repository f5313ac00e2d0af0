import assert from 'node:assert/strict';
import request from 'supertest';
import { startUpstream, emFixture, type Upstream } from '../support/upstream.js';
import { bodyText, rawBody } from '../support/screens.js';
import { testService, type LogLine, type TestService } from '../support/service.js';

const SECRET = 'hunter2-p&ss<1+2%';

/** Keeps what a test can pin: drops time, pid, host and measured durations. */
function stable(line: LogLine): Record<string, unknown> {
  const { time: _t, pid: _p, hostname: _h, durationMs: _d, ...kept } = line;
  const rest: Record<string, unknown> = { ...kept };
  if (typeof rest['em'] === 'object' && rest['em'] !== null) {
    const { durationMs: _e, ...em } = rest['em'] as Record<string, unknown>;
    rest['em'] = em;
  }
  return rest;
}

describe('logs', function () {
  let upstream: Upstream;
  let service: TestService;

  afterEach(async function () {
    await service.close();
    await upstream.close();
  });

  it('writes one line per phone request and per EM attempt, tied by the request id', async function () {
    upstream = await startUpstream({ body: emFixture('logout-success.xml') });
    service = testService({
      hostPort: upstream.hostPort,
      confirm: false,
      client: { credentials: { appId: 'emproxy', appCertificate: SECRET } },
    });

    const res = await request(service.app)
      .get('/logout?device=SEP003094C25B15')
      .set('X-Request-Id', 'phone-7942-1')
      .set('x-CiscoIPPhoneModelName', 'CP-7942G');
    assert.equal(res.headers['x-request-id'], 'phone-7942-1');
    assert.deepEqual(service.logs.map(stable), [
      {
        level: 30,
        service: 'em-logout',
        reqId: 'phone-7942-1',
        em: {
          operation: 'logout',
          node: upstream.hostPort,
          attempt: 1,
          result: 'success',
          willRetry: false,
        },
        msg: 'em attempt',
      },
      {
        level: 30,
        service: 'em-logout',
        reqId: 'phone-7942-1',
        device: 'SEP003094C25B15',
        node: upstream.hostPort,
        attempts: 1,
        msg: 'logged out',
      },
      {
        level: 30,
        service: 'em-logout',
        reqId: 'phone-7942-1',
        method: 'GET',
        path: '/logout',
        status: 200,
        family: 'classic',
        model: 'CP-7942G',
        device: 'SEP003094C25B15',
        outcome: 'logged-out',
        msg: 'request',
      },
    ]);
  });

  it('names the readiness probe on its EM attempt', async function () {
    upstream = await startUpstream({ body: emFixture('query-user-logged-in.xml') });
    service = testService({ hostPort: upstream.hostPort });

    await request(service.app).get('/readyz');
    const probe = service.logs.find((line) => line.msg === 'em attempt');
    assert.deepEqual([probe?.['probe'], probe?.['reqId']], ['readyz', undefined]);
  });

  it('says a second press was answered from memory after CUCM said nobody was logged in', async function () {
    upstream = await startUpstream([
      { body: emFixture('logout-success.xml') },
      { body: emFixture('logout-failure-19-no-user.xml') },
    ]);
    service = testService({ hostPort: upstream.hostPort, confirm: false });

    for (const id of ['press-1', 'press-2']) {
      await request(service.app).get('/logout?device=SEP003094C25B15').set('X-Request-Id', id);
    }
    const said = service.logs
      .filter((line) => line.msg !== 'em attempt' && line.msg !== 'request')
      .map((line) => [line['reqId'], line.msg]);
    assert.deepEqual(said, [
      ['press-1', 'logged out'],
      ['press-2', 'logged out: CUCM answered 19 (nobody logged in) to a repeated logout'],
    ]);
  });

  it('replaces an implausible request id with a fresh one', async function () {
    upstream = await startUpstream({ body: emFixture('logout-success.xml') });
    service = testService({ hostPort: upstream.hostPort });

    const res = await request(service.app).get('/healthz').set('X-Request-Id', 'a b <script>');
    assert.match(
      String(res.headers['x-request-id']),
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('never lets the application password reach a log line, a screen or an error', async function () {
    upstream = await startUpstream({ body: emFixture('logout-failure-3-auth-short.xml') });
    service = testService({
      hostPort: upstream.hostPort,
      confirm: false,
      client: { credentials: { appId: 'emproxy', appCertificate: SECRET } },
    });

    const res = await request(service.app)
      .get('/logout?device=SEP003094C25B15')
      .buffer(true)
      .parse(rawBody);
    const everything = JSON.stringify(service.logs) + bodyText(res);
    assert.equal(everything.includes('hunter2'), false);
    assert.equal(upstream.requests[0]?.xml?.includes('hunter2-p&amp;ss&lt;1+2%'), true);
  });

  it('redacts secrets by path when an object carrying them is logged', async function () {
    upstream = await startUpstream({ body: emFixture('logout-success.xml') });
    service = testService({ hostPort: upstream.hostPort });
    const { createLogger } = await import('../../src/logger.js');
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });

    logger.info({ config: { em: { appId: 'emproxy', appCertificate: SECRET } } }, 'config');
    logger.info(
      { appCertificate: SECRET, req: { headers: { authorization: 'Bearer x', cookie: 'c' } } },
      'req',
    );
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(parsed[0]?.['config'], {
      em: { appId: 'emproxy', appCertificate: '[redacted]' },
    });
    assert.equal(parsed[1]?.['appCertificate'], '[redacted]');
    assert.deepEqual(parsed[1]?.['req'], {
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
    });
  });
});
