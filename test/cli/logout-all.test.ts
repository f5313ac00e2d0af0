import assert from 'node:assert/strict';
import { Opened } from '../bulk/support.js';
import { cli, parseMasked, simulatorEnv } from './support.js';

const WARNING =
  "logout-all logs out EVERY device of the cluster with CUCM's logoutAll. CUCM then " +
  'writes a change notification for each device to its database, a heavy load: Cisco ' +
  'advises running it off-peak only.';

describe('em-logout logout-all', () => {
  const opened = new Opened();
  afterEach(() => opened.close());

  it('refuses without --yes, exits 2 and sends nothing', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout-all'], { env: simulatorEnv(simulator) });

    assert.deepEqual(run, {
      exitCode: 2,
      stdout: '',
      stderr: `em-logout: ${WARNING}\nNothing was sent. To go ahead, run it again with --yes.\n`,
    });
    assert.equal(simulator.stats.requests, 0);
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
  });

  it('refuses without --yes in JSON too', async () => {
    const run = await cli(['logout-all', '--json']);

    assert.equal(run.exitCode, 2);
    assert.deepEqual(JSON.parse(run.stdout), {
      error: {
        code: 'CLI_USAGE',
        message: `${WARNING}\nNothing was sent. To go ahead, run it again with --yes.`,
        problems: [],
      },
    });
  });

  it('logs out every device with --yes, after the warning', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout-all', '--yes', '--json'], { env: simulatorEnv(simulator) });

    assert.equal(run.exitCode, 0);
    assert.equal(run.stderr, `em-logout: warning: ${WARNING}\n`);
    assert.deepEqual(parseMasked(run.stdout), {
      command: 'logout-all',
      ok: true,
      node: simulator.hostPort,
      attempts: 1,
      durationMs: '<masked>',
      error: null,
    });
    const loggedIn = simulator.state.devices().filter((device) => device.userId !== undefined);
    assert.deepEqual(loggedIn, []);
  });

  it('exits 1 when CUCM refuses', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['logout-all', '--yes'], {
      env: simulatorEnv(simulator, { EM_APP_ID: 'noproxy', EM_APP_CERTIFICATE: 'noproxy-secret' }),
    });

    assert.equal(run.exitCode, 1);
    assert.equal(
      run.stdout,
      'logout-all failed: EM service refused: code 10 (Application user lacks proxy rights): User does not have proxy rights\n',
    );
  });
});
