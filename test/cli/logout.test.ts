import assert from 'node:assert/strict';
import { Opened } from '../bulk/support.js';
import { cli, parseMasked, simulatorEnv } from './support.js';

describe('em-logout logout', () => {
  const opened = new Opened();
  afterEach(() => opened.close());

  it('logs out each device and exits 0 when none failed', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout', 'SEP001122334455', 'sep00aabbccddee'], {
      env: simulatorEnv(simulator),
    });

    assert.deepEqual(run, {
      exitCode: 0,
      stdout: 'SEP001122334455  logged out\nSEP00AABBCCDDEE  nobody logged in\n',
      stderr: '',
    });
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('exits 1 and says why when a device fails', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout', 'SEP0A1B2C3D4E5F', 'SEP112233445566'], {
      env: simulatorEnv(simulator),
    });

    assert.deepEqual(run, {
      exitCode: 1,
      stdout:
        'SEP0A1B2C3D4E5F  failed: EM service refused: code 22 (Device logon disabled): Device Logon disabled\n' +
        'SEP112233445566  logged out\n',
      stderr: '',
    });
  });

  it('prints one JSON document with --json', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout', 'SEP001122334455', 'SEPFFFFFFFFFFFF', '--json'], {
      env: simulatorEnv(simulator),
    });

    assert.equal(run.exitCode, 1);
    assert.deepEqual(parseMasked(run.stdout), {
      command: 'logout',
      interrupted: false,
      counts: { loggedOut: 1, nobody: 0, failed: 1, notSent: 0 },
      results: [
        {
          device: 'SEP001122334455',
          outcome: 'logged-out',
          emCode: null,
          message: 'logged out',
          attempts: 1,
          durationMs: '<masked>',
        },
        {
          device: 'SEPFFFFFFFFFFFF',
          outcome: 'failed',
          emCode: 11,
          message: 'EM service refused: code 11 (Device does not exist): Device does not exist',
          attempts: 1,
          durationMs: '<masked>',
        },
      ],
    });
  });

  it('sends a repeated device once, with a warning', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout', 'SEP001122334455', 'sep001122334455'], {
      env: simulatorEnv(simulator),
    });

    assert.deepEqual(run, {
      exitCode: 0,
      stdout: 'SEP001122334455  logged out\n',
      stderr: 'em-logout: warning: argument 2: SEP001122334455 repeats argument 1: sent once\n',
    });
    assert.equal(simulator.stats.requests, 1);
  });

  it('exits 2 and sends nothing when a name is not a device name', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout', 'SEP001122334455', 'SEP12', '#DEVICENAME#'], {
      env: simulatorEnv(simulator),
    });

    assert.deepEqual(run, {
      exitCode: 2,
      stdout: '',
      stderr:
        "em-logout: argument 2: 'SEP12' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')\n" +
        "argument 3: '#DEVICENAME#' is CUCM's placeholder, not a device name\n" +
        'Nothing was sent.\n',
    });
    assert.equal(simulator.stats.requests, 0);
  });

  it('exits 2 when no device is given', async () => {
    const run = await cli(['logout']);

    assert.equal(run.exitCode, 2);
    assert.equal(
      run.stderr,
      "error: missing required argument 'device'\n(em-logout --help shows usage and examples)\n",
    );
  });
});
