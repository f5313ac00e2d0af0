import assert from 'node:assert/strict';
import request from 'supertest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import { startUpstream, type Upstream } from '../support/upstream.js';
import { testService, type TestService } from '../support/service.js';

async function closedPort(): Promise<string> {
  const upstream = await startUpstream({ body: '' });
  await upstream.close();
  return upstream.hostPort;
}

function withoutTime(body: Record<string, unknown>): Record<string, unknown> {
  assert.match(String(body['checkedAt']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const { checkedAt: _c, ...rest } = body;
  return rest;
}

describe('health and readiness', function () {
  let simulator: RunningSimulator | undefined;
  let upstream: Upstream | undefined;
  let service: TestService;

  afterEach(async function () {
    await service.close();
    await simulator?.close();
    await upstream?.close();
    simulator = undefined;
    upstream = undefined;
  });

  it('/healthz answers while the process runs, whatever CUCM does', async function () {
    service = testService({ hostPort: await closedPort() });
    const res = await request(service.app).get('/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual(res.body, { status: 'ok' });
  });

  it('/readyz is ready when CUCM answers and accepts the application user', async function () {
    simulator = await startSimulator();
    service = testService({ hostPort: simulator.hostPort });

    const res = await request(service.app).get('/readyz');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual(withoutTime(res.body as Record<string, unknown>), {
      status: 'ready',
      ready: true,
      node: simulator.hostPort,
      warnings: [],
    });
  });

  it('/readyz is not ready with wrong credentials, and says why', async function () {
    simulator = await startSimulator();
    service = testService({
      hostPort: simulator.hostPort,
      client: { credentials: { appId: 'emlogout', appCertificate: 'wrong' } },
    });

    const res = await request(service.app).get('/readyz');
    assert.equal(res.status, 503);
    assert.deepEqual(withoutTime(res.body as Record<string, unknown>), {
      status: 'not-ready',
      ready: false,
      node: simulator.hostPort,
      reason:
        "EM service refused: code 3 (Invalid application user or password): Could not authenticate 'emlogout'",
      warnings: [],
    });
  });

  it('/readyz is not ready when CUCM is down', async function () {
    const hostPort = await closedPort();
    service = testService({ hostPort });

    const res = await request(service.app).get('/readyz');
    assert.equal(res.status, 503);
    assert.deepEqual(withoutTime(res.body as Record<string, unknown>), {
      status: 'not-ready',
      ready: false,
      reason: `EM service refused the connection (ECONNREFUSED): POST http://${hostPort}/emservice/EMServiceServlet`,
      warnings: [],
    });
  });

  it('/readyz asks CUCM once for a burst of probes (cached)', async function () {
    simulator = await startSimulator();
    service = testService({ hostPort: simulator.hostPort });

    const probes = await Promise.all(
      [1, 2, 3, 4, 5].map(() => request(service.app).get('/readyz')),
    );
    await request(service.app).get('/readyz');
    assert.deepEqual(
      probes.map((res) => res.status),
      [200, 200, 200, 200, 200],
    );
    assert.equal(simulator.stats.requests, 1);
  });
});
