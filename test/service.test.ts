import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startService, type RunningService } from '../src/service.js';
import { startSimulator, type RunningSimulator } from '../src/simulator/server.js';
import { screenFile } from './support/screens.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

/** The port changes between runs; the expected screens use the example host. */
async function fetchScreen(service: RunningService, path: string): Promise<string> {
  const res = await fetch(`${service.url}${path}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
  return (await res.text()).replaceAll(service.url, 'http://phones.example:3000');
}

/** The service's variables for a CUCM_HOST at this simulator, on a port the OS picks. */
function clientEnv(simulator: RunningSimulator, extra: Record<string, string> = {}) {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    CUCM_HOST: simulator.hostPort,
    EM_APP_ID: 'emlogout',
    EM_APP_CERTIFICATE: 'demo-secret',
    ...extra,
  };
}

describe('the service as npm start runs it', function () {
  let service: RunningService | undefined;
  let simulator: RunningSimulator | undefined;

  afterEach(async function () {
    await service?.close();
    await simulator?.close();
    service = undefined;
    simulator = undefined;
  });

  it('runs on the embedded simulator when no CUCM is configured, confirm to success', async function () {
    service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), silent);

    assert.equal(
      await fetchScreen(service, '/logout?device=SEP001122334455'),
      screenFile('confirm-demo.xml'),
    );
    const done = await fetchScreen(service, '/logout/confirm?device=SEP001122334455');
    assert.equal(done, screenFile('logged-out-demo.xml'));
    assert.equal(service.simulator?.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('takes the real client path to a CUCM_HOST (npm run simulator in another terminal)', async function () {
    simulator = await startSimulator();
    service = await startService(loadConfig(clientEnv(simulator)), silent);

    assert.equal(service.simulator, undefined);
    assert.equal(
      await fetchScreen(service, '/logout?device=SEP001122334455'),
      screenFile('confirm-modern.xml'),
    );
    assert.equal(
      await fetchScreen(service, '/logout/confirm?device=SEP001122334455'),
      screenFile('logged-out.xml'),
    );
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('lets a running bulk job finish what is in flight when it closes, and sends nothing more', async function () {
    simulator = await startSimulator({ latencyMs: 300 });
    const token = 'service-test-token-0123456789';
    const env = clientEnv(simulator, { ADMIN_TOKEN: token });
    const lines: { msg: string; notSent?: number }[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          lines.push(JSON.parse(chunk.toString('utf8')) as { msg: string });
          done();
        },
      }),
    );
    service = await startService(loadConfig(env), logger);
    const devices = ['SEP001122334455', 'SEPAABBCCDDEEFF', 'SEP112233445566', 'SEP00AABBCCDDEE'];
    const started = await fetch(`${service.url}/api/bulk`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ devices }),
    });
    assert.equal(started.status, 202);
    while (simulator.stats.requests === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    await service.close();
    service = undefined;

    // The three sent before the close were answered and applied; the fourth was never sent.
    assert.equal(simulator.stats.requests, 3);
    const stillIn = devices.filter((device) => simulator?.state.loggedInUser(device) !== undefined);
    assert.deepEqual(stillIn, []);
    const ending = lines.filter((line) => line.msg.startsWith('bulk job'));
    assert.deepEqual(
      ending.map((line) => [line.msg, line.notSent]),
      [
        ['bulk job started', undefined],
        ['bulk job stopped by a shutdown', 1],
        ['bulk job done', undefined],
      ],
    );
  });

  it('stops start-up with exit status 2 and names each bad variable', function () {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        PATH: process.env['PATH'],
        PORT: 'eighty',
        CUCM_HOST: 'cucm.example.com',
        EM_APP_CERTIFICATE: 'hunter2',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      [
        'em-logout: Invalid configuration:',
        "  - PORT must be a whole number from 0 to 65535, got 'eighty'",
        '  - EM_APP_ID is required when CUCM_HOST or EM_URL is set: the application user with Standard EM Authentication Proxy Rights',
        '',
      ].join('\n'),
    );
  });
});
