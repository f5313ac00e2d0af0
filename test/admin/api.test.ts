import assert from 'node:assert/strict';
import request from 'supertest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import {
  ADMIN_TOKEN,
  startAdminService,
  type AdminService,
  type AdminServiceOptions,
} from '../support/admin-service.js';
import { assertApiError, eventually, JSON_UTF8 } from '../support/admin-http.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** The EM operation an 'em attempt' log line is about. */
function operationOf(line: Record<string, unknown>): unknown {
  return (line['em'] as { operation?: unknown } | undefined)?.operation;
}

interface JobBody {
  status: string;
  createdAt: string;
  finishedAt: string | null;
  results: { durationMs: number }[];
}

describe('admin JSON API', function () {
  let simulator: RunningSimulator | undefined;
  let upstream: Upstream | undefined;
  let service: AdminService;

  async function start(options: Partial<AdminServiceOptions> = {}, latencyMs = 0) {
    simulator = await startSimulator({ latencyMs });
    service = await startAdminService({ hostPort: simulator.hostPort, ...options });
  }

  afterEach(async function () {
    await service.close();
    await simulator?.close();
    await upstream?.close();
    simulator = undefined;
    upstream = undefined;
  });

  const get = (path: string) => request(service.url).get(path).set(AUTH);
  const post = (path: string) => request(service.url).post(path).set(AUTH);

  /** The job as the API shows it, with run-dependent times removed. */
  async function finishedJob(jobId: string) {
    const res = await eventually(
      () => get(`/api/bulk/${jobId}`),
      (answer) => (answer.body as JobBody).status === 'done',
    );
    const body = res.body as JobBody;
    assert.match(body.createdAt, /^\d{4}-\d\d-\d\dT/);
    assert.match(body.finishedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    return {
      ...body,
      createdAt: '<time>',
      finishedAt: '<time>',
      results: body.results.map((row) => ({ ...row, durationMs: '<ms>' })),
    };
  }

  describe('authentication', function () {
    it('answers 401 unauthorized with a Bearer challenge when no token is sent', async function () {
      await start();
      const res = await request(service.url).get('/api/devices/SEP001122334455');

      assertApiError(res, 401, {
        code: 'unauthorized',
        message: 'send the admin token as Authorization: Bearer <token>',
      });
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="em-logout"');
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    it('answers 401 to a wrong token, a token of another scheme and a token one character short', async function () {
      await start();
      for (const authorization of [
        'Bearer wrong-token-wrong-token-wrong',
        `Basic ${ADMIN_TOKEN}`,
        `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      ]) {
        const res = await request(service.url)
          .post('/api/devices/SEP001122334455/logout')
          .set('Authorization', authorization);
        assert.equal(res.status, 401, authorization);
        assert.equal(res.body.error.code, 'unauthorized');
      }
      assert.equal(simulator?.state.loggedInUser('SEP001122334455'), 'jdoe');
    });

    it('stops a source after 10 wrong tokens with 429 too_many_attempts, even with the right one', async function () {
      await start();
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const res = await request(service.url)
          .get('/api/devices/SEP001122334455')
          .set('Authorization', `Bearer guess-${attempt}`);
        assert.equal(res.status, 401);
      }
      const res = await get('/api/devices/SEP001122334455');

      assertApiError(res, 429, {
        code: 'too_many_attempts',
        message: 'too many wrong tokens; try later',
      });
      assert.equal(res.headers['retry-after'], '900');
    });

    it('counts only wrong tokens: a burst of good requests and a dozen 400s all pass', async function () {
      await start();
      for (let attempt = 0; attempt < 12; attempt += 1) {
        assert.equal((await get('/api/devices/SEP12')).status, 400);
      }
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => get('/api/devices/SEP001122334455')),
      );
      assert.deepEqual(
        burst.map((res) => res.status),
        burst.map(() => 200),
      );
    });

    it('never writes the token into the log', async function () {
      await start();
      await request(service.url)
        .get('/api/devices/SEP001122334455')
        .set('Authorization', 'Bearer x');
      await get('/api/devices/SEP001122334455');

      const text = JSON.stringify(service.logs);
      assert.ok(!text.includes(ADMIN_TOKEN));
      const refusal = service.logs.find((line) => line.msg === 'API request without a valid token');
      assert.deepEqual(
        { source: refusal?.['source'], path: refusal?.['path'] },
        { source: '127.0.0.1', path: '/devices/SEP001122334455' },
      );
    });
  });

  describe('GET /api/devices/:device', function () {
    it('says who is logged in, with the name in canonical form', async function () {
      await start();
      const res = await get('/api/devices/%20sep001122334455%20').expect('Content-Type', JSON_UTF8);

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        device: 'SEP001122334455',
        state: 'logged-in',
        userId: 'jdoe',
        lastUserId: 'jdoe',
      });
    });

    it('says nobody is logged in', async function () {
      await start();
      simulator?.state.logout('SEP001122334455');
      const res = await get('/api/devices/SEP001122334455');

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        device: 'SEP001122334455',
        state: 'nobody',
        userId: null,
        lastUserId: null,
      });
    });

    it('answers 404 unknown_device for a device CUCM does not know', async function () {
      await start();
      assertApiError(await get('/api/devices/SEPFFFFFFFFFFFF'), 404, {
        code: 'unknown_device',
        message: 'CUCM knows no device SEPFFFFFFFFFFFF',
      });
    });

    for (const bad of ['SEP12', 'SEP00112233445G', '%23DEVICENAME%23', 'SEP%C4%B1', 'a%20b']) {
      it(`answers 400 invalid_device for ${decodeURIComponent(bad)} and asks CUCM nothing`, async function () {
        await start();
        const before = simulator?.stats.requests;
        assertApiError(await get(`/api/devices/${bad}`), 400, {
          code: 'invalid_device',
          message: "not a device name: SEP and 12 hex digits, or letters, digits, '.', '_', '-'",
        });
        assert.equal(simulator?.stats.requests, before);
      });
    }
  });

  describe('GET /api/users/:userId/devices', function () {
    it('lists the devices a user is logged in on', async function () {
      await start();
      const res = await get('/api/users/jdoe/devices').expect('Content-Type', JSON_UTF8);

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        userId: 'jdoe',
        state: 'logged-in',
        devices: ['SEP001122334455'],
      });
    });

    it('reads a user id with characters that need encoding', async function () {
      await start();
      const res = await get(`/api/users/${encodeURIComponent("o'brien&co")}/devices`);

      assert.deepEqual(res.body, {
        userId: "o'brien&co",
        state: 'logged-in',
        devices: ['SEP112233445566'],
      });
    });

    it('says a known user is logged in nowhere', async function () {
      await start();
      const res = await get('/api/users/asmith/devices');

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { userId: 'asmith', state: 'nobody', devices: [] });
    });

    it('answers 404 unknown_user for a user CUCM does not know', async function () {
      await start();
      assertApiError(await get('/api/users/ghost/devices'), 404, {
        code: 'unknown_user',
        message: 'CUCM knows no user ghost',
      });
    });

    it('answers 400 invalid_user for a user id with control characters', async function () {
      await start();
      assertApiError(await get('/api/users/j%0Adoe/devices'), 400, {
        code: 'invalid_user',
        message: 'a user id is 1 to 128 printable characters',
      });
    });
  });

  describe('POST /api/devices/:device/logout', function () {
    it('logs the device out', async function () {
      await start();
      const res = await post('/api/devices/SEP001122334455/logout').expect(
        'Content-Type',
        JSON_UTF8,
      );

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        device: 'SEP001122334455',
        outcome: 'logged-out',
        repeated: false,
      });
      assert.equal(simulator?.state.loggedInUser('SEP001122334455'), undefined);
    });

    it('reports a second press soon after as a repeat of the first', async function () {
      await start();
      await post('/api/devices/SEP001122334455/logout');
      const res = await post('/api/devices/SEP001122334455/logout');

      assert.deepEqual(res.body, {
        device: 'SEP001122334455',
        outcome: 'logged-out',
        repeated: true,
      });
    });

    it('answers 200 outcome nobody when nobody was logged in (EM code 19)', async function () {
      await start();
      const res = await post('/api/devices/SEP00AABBCCDDEE/logout');

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { device: 'SEP00AABBCCDDEE', outcome: 'nobody', repeated: false });
    });

    it('answers 502 em_failure with the EM failure attached when CUCM refuses', async function () {
      await start();
      assertApiError(await post('/api/devices/SEP0A1B2C3D4E5F/logout'), 502, {
        code: 'em_failure',
        message: 'EM service refused: code 22 (Device logon disabled): Device Logon disabled',
        failure: {
          kind: 'em',
          emCode: 22,
          emMessage: 'Device Logon disabled',
          category: 'em-disabled',
          description: 'EM service refused: code 22 (Device logon disabled): Device Logon disabled',
        },
      });
    });

    it('answers 404 unknown_device when CUCM does not know the device (EM code 11)', async function () {
      await start();
      assertApiError(await post('/api/devices/SEPFFFFFFFFFFFF/logout'), 404, {
        code: 'unknown_device',
        message: 'CUCM knows no device SEPFFFFFFFFFFFF',
      });
    });

    it('answers 502 em_unreachable when nothing listens at the EM node', async function () {
      upstream = await startUpstream({ body: '' });
      const hostPort = upstream.hostPort;
      await upstream.close();
      upstream = undefined;
      service = await startAdminService({ hostPort });
      const res = await post('/api/devices/SEP001122334455/logout');

      assert.equal(res.status, 502);
      assert.equal(res.body.error.code, 'em_unreachable');
      assert.equal(res.body.error.failure.kind, 'network');
      assert.equal(res.body.error.failure.reason, 'refused');
    });

    it('answers 504 em_timeout when CUCM does not answer in time', async function () {
      upstream = await startUpstream({ hang: true });
      service = await startAdminService({
        hostPort: upstream.hostPort,
        client: { timeoutMs: 200 },
      });
      const res = await post('/api/devices/SEP001122334455/logout');

      assert.equal(res.status, 504);
      assert.equal(res.body.error.code, 'em_timeout');
      assert.equal(res.body.error.failure.kind, 'timeout');
    });

    it('answers 502 em_unreadable when something other than CUCM answers', async function () {
      upstream = await startUpstream({ body: '<html>proxy</html>', contentType: 'text/html' });
      service = await startAdminService({ hostPort: upstream.hostPort });
      const res = await post('/api/devices/SEP001122334455/logout');

      assert.equal(res.status, 502);
      assert.equal(res.body.error.code, 'em_unreadable');
    });

    it('logs the logout with the source it came through, tied to the request by its id', async function () {
      await start();
      await post('/api/devices/SEP001122334455/logout').set('X-Request-Id', 'api-logout-1');

      const lines = service.logs
        .filter((entry) => entry.reqId === 'api-logout-1')
        .map((entry) => [entry.msg, entry['via'] ?? entry['path'] ?? operationOf(entry)]);
      assert.deepEqual(lines, [
        ['em attempt', 'logout'],
        ['admin logout', 'api'],
        ['request', '/api/devices/SEP001122334455/logout'],
      ]);
      const line = service.logs.find((entry) => entry.msg === 'admin logout');
      assert.deepEqual(
        { device: line?.['device'], via: line?.['via'], outcome: line?.['outcome'] },
        { device: 'SEP001122334455', via: 'api', outcome: 'logged-out' },
      );
    });
  });

  describe('bulk jobs', function () {
    it('runs a job: 202 with the job id, progress, results in input order, and a CSV report', async function () {
      await start();
      const res = await post('/api/bulk')
        .send({
          devices: ['SEP001122334455', 'sep00aabbccddee', 'SEP0A1B2C3D4E5F', 'SEP001122334455'],
        })
        .expect('Content-Type', JSON_UTF8);

      assert.equal(res.status, 202);
      const { jobId } = res.body as { jobId: string };
      assert.match(jobId, /^[0-9a-f-]{36}$/);
      assert.deepEqual(res.body, { jobId });
      assert.equal(res.headers['location'], `/api/bulk/${jobId}`);

      assert.deepEqual(await finishedJob(jobId), {
        jobId,
        status: 'done',
        createdAt: '<time>',
        finishedAt: '<time>',
        total: 4,
        done: 4,
        counts: { 'logged-out': 1, nobody: 1, failed: 1, skipped: 1 },
        results: [
          {
            line: 1,
            device: 'SEP001122334455',
            outcome: 'logged-out',
            emCode: null,
            message: 'logged out',
            attempts: 1,
            durationMs: '<ms>',
          },
          {
            line: 2,
            device: 'SEP00AABBCCDDEE',
            outcome: 'nobody',
            emCode: 19,
            message: 'No user logged in',
            attempts: 1,
            durationMs: '<ms>',
          },
          {
            line: 3,
            device: 'SEP0A1B2C3D4E5F',
            outcome: 'failed',
            emCode: 22,
            message: 'EM service refused: code 22 (Device logon disabled): Device Logon disabled',
            attempts: 1,
            durationMs: '<ms>',
          },
          {
            line: 4,
            device: 'SEP001122334455',
            outcome: 'skipped',
            emCode: null,
            message: 'SEP001122334455 repeats line 1: sent once',
            attempts: 0,
            durationMs: '<ms>',
          },
        ],
      });

      const report = await get(`/api/bulk/${jobId}/report.csv`);
      assert.equal(report.status, 200);
      assert.equal(report.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(
        report.headers['content-disposition'],
        `attachment; filename="em-logout-bulk-${jobId}.csv"`,
      );
      assert.equal(
        report.text.replace(/,\d+\n/g, ',<ms>\n'),
        [
          'device,outcome,em_code,message,attempts,duration_ms',
          'SEP001122334455,logged-out,,logged out,1,<ms>',
          'SEP00AABBCCDDEE,nobody,19,No user logged in,1,<ms>',
          'SEP0A1B2C3D4E5F,failed,22,EM service refused: code 22 (Device logon disabled): Device Logon disabled,1,<ms>',
          'SEP001122334455,skipped,,SEP001122334455 repeats line 1: sent once,,',
          '',
        ].join('\n'),
      );
    });

    it('logs each EM attempt of a job with the job id', async function () {
      await start();
      const { jobId } = (
        await post('/api/bulk').send({ devices: ['SEP001122334455', 'SEP00AABBCCDDEE'] })
      ).body as { jobId: string };
      await finishedJob(jobId);

      const attempts = service.logs
        .filter((line) => line.msg === 'em attempt' && line['jobId'] === jobId)
        .map(operationOf);
      assert.deepEqual(attempts, ['logout', 'logout']);
    });

    it('stops a running job for a shutdown: what is in flight finishes, the rest is reported not sent', async function () {
      await start({}, 200);
      const devices = ['SEP001122334455', 'SEP00AABBCCDDEE', 'SEPAABBCCDDEEFF', 'SEP112233445566'];
      const { jobId } = (await post('/api/bulk').send({ devices })).body as { jobId: string };
      // The job's first requests (3 at once) are with CUCM when the shutdown comes.
      await eventually(
        () => Promise.resolve(simulator?.stats.requests ?? 0),
        (requests) => requests >= 1,
      );
      await service.drain();

      const job = await finishedJob(jobId);
      assert.deepEqual(
        (job.results as unknown as { device: string; outcome: string; message: string }[]).map(
          (row) => [row.device, row.outcome, row.message],
        ),
        [
          ['SEP001122334455', 'logged-out', 'logged out'],
          ['SEP00AABBCCDDEE', 'nobody', 'No user logged in'],
          ['SEPAABBCCDDEEFF', 'logged-out', 'logged out'],
          ['SEP112233445566', 'failed', 'not sent: the service was stopping'],
        ],
      );
      assert.equal(simulator?.stats.requests, 3);
      const stopped = service.logs.find((line) => line.msg === 'bulk job stopped by a shutdown');
      assert.deepEqual([stopped?.['jobId'], stopped?.['notSent']], [jobId, 1]);
    });

    it('answers 409 job_running for the report of a job still running', async function () {
      await start({}, 300);
      const { jobId } = (await post('/api/bulk').send({ devices: ['SEP001122334455'] })).body as {
        jobId: string;
      };

      assert.equal((await get(`/api/bulk/${jobId}`)).body.status, 'running');
      assertApiError(await get(`/api/bulk/${jobId}/report.csv`), 409, {
        code: 'job_running',
        message: 'the job is still running; the report follows',
      });
      await finishedJob(jobId);
    });

    it('answers 400 invalid_device listing the names that are not device names, and starts nothing', async function () {
      await start();
      const res = await post('/api/bulk').send({ devices: ['SEP001122334455', 'SEP12', 42] });

      assertApiError(res, 400, {
        code: 'invalid_device',
        message: '2 of the devices are not device names',
        details: [
          { index: 1, value: 'SEP12' },
          { index: 2, value: 42 },
        ],
      });
      assert.equal(simulator?.state.loggedInUser('SEP001122334455'), 'jdoe');
    });

    for (const [what, body, type] of [
      ['an empty list', '{"devices":[]}', 'application/json'],
      ['no devices field', '{"device":["SEP001122334455"]}', 'application/json'],
      ['a form instead of JSON', 'devices=SEP001122334455', 'application/x-www-form-urlencoded'],
    ] as const) {
      it(`answers 400 invalid_body for ${what}`, async function () {
        await start();
        assertApiError(await post('/api/bulk').set('Content-Type', type).send(body), 400, {
          code: 'invalid_body',
          message: 'send {"devices": ["SEP…", …]} with Content-Type: application/json',
        });
      });
    }

    it('answers 400 invalid_body for JSON that does not parse', async function () {
      await start();
      const res = await post('/api/bulk')
        .set('Content-Type', 'application/json')
        .send('{"devices":');

      assertApiError(res, 400, { code: 'invalid_body', message: 'the body is not JSON' });
    });

    it('answers 404 not_found for an unknown job and an unknown API route', async function () {
      await start();
      assertApiError(await get('/api/bulk/00000000-0000-0000-0000-000000000000'), 404, {
        code: 'not_found',
        message: 'no such bulk job (jobs are kept in memory, the last 20)',
      });
      assertApiError(await get('/api/nothing'), 404, {
        code: 'not_found',
        message: 'no API route GET /api/nothing',
      });
    });
  });

  describe('scope', function () {
    it('leaves the phone routes open without a token', async function () {
      await start();
      const res = await request(service.url).get('/logout?device=SEP001122334455');

      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
    });

    it('has no admin surface while ADMIN_TOKEN is unset: /api and /admin are phone not-found screens', async function () {
      await start({ token: undefined });
      for (const path of ['/api/devices/SEP001122334455', '/admin', '/preview']) {
        const res = await request(service.url).get(path).set(AUTH);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8', path);
      }
    });
  });
});
