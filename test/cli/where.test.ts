import assert from 'node:assert/strict';
import { Opened } from '../bulk/support.js';
import { cli, simulatorEnv } from './support.js';

describe('em-logout where', () => {
  const opened = new Opened();
  afterEach(() => opened.close());

  it('lists the devices a user is logged in on', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['where', 'jdoe'], { env: simulatorEnv(simulator) });

    assert.deepEqual(run, {
      exitCode: 0,
      stdout: 'jdoe is logged in on:\n  SEP001122334455\n',
      stderr: '',
    });
  });

  it('says so when the user is logged in nowhere', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['where', 'asmith'], { env: simulatorEnv(simulator) });

    assert.deepEqual(run, {
      exitCode: 0,
      stdout: 'asmith is not logged in on any device\n',
      stderr: '',
    });
  });

  it('exits 1 for a user CUCM does not know, and prints JSON with --json', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['where', 'nosuch', '--json'], { env: simulatorEnv(simulator) });

    assert.equal(run.exitCode, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      command: 'where',
      userId: 'nosuch',
      state: 'unknown-user',
      devices: [],
      error: null,
    });
  });

  it('finds a user whose id needs percent- and XML-encoding', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['where', "o'brien&co", '--json'], { env: simulatorEnv(simulator) });

    assert.equal(run.exitCode, 0);
    assert.deepEqual(JSON.parse(run.stdout), {
      command: 'where',
      userId: "o'brien&co",
      state: 'logged-in',
      devices: ['SEP112233445566'],
      error: null,
    });
  });

  it('exits 1 with the reason when the query fails', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['where', 'jdoe', '--json'], {
      env: simulatorEnv(simulator, { EM_APP_ID: 'noproxy', EM_APP_CERTIFICATE: 'noproxy-secret' }),
    });

    assert.equal(run.exitCode, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      command: 'where',
      userId: 'jdoe',
      state: 'failed',
      devices: [],
      error: {
        kind: 'em',
        emCode: 10,
        message:
          'EM service refused: code 10 (Application user lacks proxy rights): User does not have proxy rights',
      },
    });
  });
});
