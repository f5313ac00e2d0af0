import assert from 'node:assert/strict';
import { floorDevices, floorSeed, Opened } from '../bulk/support.js';
import { cli, simulatorEnv } from './support.js';

describe('em-logout who', () => {
  const opened = new Opened();
  afterEach(() => opened.close());

  it('shows who is logged in on each device', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['who', 'SEP001122334455', 'SEP00AABBCCDDEE', 'SEPAABBCCDDEEFF'], {
      env: simulatorEnv(simulator),
    });

    assert.deepEqual(run, {
      exitCode: 0,
      stdout:
        'SEP001122334455  jdoe\n' +
        'SEP00AABBCCDDEE  (nobody logged in)\n' +
        'SEPAABBCCDDEEFF  renée.müller@example.com\n',
      stderr: '',
    });
    assert.equal(simulator.stats.requests, 1);
  });

  it('exits 1 for a device CUCM does not know, and prints JSON with --json', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['--json', 'who', 'SEP001122334455', 'SEPFFFFFFFFFFFF'], {
      env: simulatorEnv(simulator),
    });

    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, '');
    assert.deepEqual(JSON.parse(run.stdout), {
      command: 'who',
      interrupted: false,
      devices: [
        {
          device: 'SEP001122334455',
          state: 'logged-in',
          userId: 'jdoe',
          lastLogin: 'jdoe',
          error: null,
        },
        {
          device: 'SEPFFFFFFFFFFFF',
          state: 'unknown-device',
          userId: null,
          lastLogin: null,
          error: null,
        },
      ],
    });
  });

  it('asks about 120 devices in three queries', async () => {
    const simulator = await opened.simulator({ seed: floorSeed(120) });

    const run = await cli(['who', ...floorDevices(120)], { env: simulatorEnv(simulator) });

    assert.equal(run.exitCode, 0);
    assert.equal(simulator.stats.requests, 3);
    assert.equal(run.stdout.split('\n')[119], 'SEP000000000078  user0120');
  });

  it('exits 1 with the reason when the query fails', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['who', 'SEP001122334455'], {
      env: simulatorEnv(simulator, { EM_APP_CERTIFICATE: 'wrong' }),
    });

    assert.deepEqual(run, {
      exitCode: 1,
      stdout:
        "SEP001122334455  failed: EM service refused: code 3 (Invalid application user or password): Could not authenticate 'emlogout'\n",
      stderr: '',
    });
  });
});
