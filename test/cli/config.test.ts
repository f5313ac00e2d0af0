import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { Opened } from '../bulk/support.js';
import { cli, closedPort, simulatorEnv, TempDir } from './support.js';

const NO_CUCM =
  'No CUCM to talk to: set CUCM_HOST (the publisher, host or host:port) or EM_URL, ' +
  'or pass --cucm-host or --em-url. The command line never falls back to the simulator.';

describe('em-logout settings', () => {
  const opened = new Opened();
  const temp = new TempDir();
  afterEach(async () => {
    await opened.close();
    await temp.remove();
  });

  it('exits 2 naming CUCM_HOST and EM_URL when no CUCM is configured: no simulator fallback', async () => {
    const run = await cli(['who', 'SEP001122334455'], {
      env: { EM_APP_ID: 'emlogout', EM_APP_CERTIFICATE: 'secret' },
    });

    assert.deepEqual(run, { exitCode: 2, stdout: '', stderr: `em-logout: ${NO_CUCM}\n` });
  });

  it('reports a configuration error as JSON with --json', async () => {
    const run = await cli(['logout', 'SEP001122334455', '--json']);

    assert.equal(run.exitCode, 2);
    assert.deepEqual(JSON.parse(run.stdout), {
      error: { code: 'CLI_CONFIG', message: NO_CUCM, problems: [NO_CUCM] },
    });
  });

  it('lists every invalid setting, by the flag that gave it', async () => {
    const run = await cli(
      ['who', 'SEP001122334455', '--cucm-host', '127.0.0.1:1', '--timeout-ms', 'soon'],
      { env: { EM_MAX_CONCURRENCY: '0' } },
    );

    assert.equal(run.exitCode, 2);
    assert.equal(
      run.stderr,
      'em-logout: Invalid EM settings:\n' +
        '  - EM_APP_ID is required when CUCM_HOST or EM_URL is set: the application user with Standard EM Authentication Proxy Rights\n' +
        '  - EM_APP_CERTIFICATE (or EM_APP_CERTIFICATE_FILE) is required when CUCM_HOST or EM_URL is set: the password of EM_APP_ID\n' +
        "  - --timeout-ms must be a whole number from 100 to 60000, got 'soon'\n" +
        "  - EM_MAX_CONCURRENCY must be a whole number from 1 to 100, got '0'\n",
    );
  });

  it('names --cucm-version when the CUCM release it gives is not one it knows', async () => {
    const run = await cli(['who', 'SEP001122334455', '--cucm-version', '14'], {
      env: { CUCM_HOST: '127.0.0.1:1', EM_APP_ID: 'emlogout', EM_APP_CERTIFICATE: 'x' },
    });

    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /^em-logout: Invalid EM settings:\n {2}- --cucm-version must be /);
  });

  it("prints this tool's version for --version and -V, and exits 0", async () => {
    const { version } = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = await cli([flag]);
      assert.deepEqual([run.exitCode, run.stdout, run.stderr], [0, `${version}\n`, '']);
    }
  });

  it('ignores the service-only variables', async () => {
    const simulator = await opened.simulator();

    const run = await cli(['who', 'SEP001122334455'], {
      env: simulatorEnv(simulator, { LOG_LEVEL: 'chatty', PORT: 'eighty', PUBLIC_URL: 'nope' }),
    });

    assert.equal(run.exitCode, 0);
  });

  it('lets --cucm-host override CUCM_HOST', async () => {
    const simulator = await opened.simulator();
    const env = simulatorEnv(simulator, { CUCM_HOST: `127.0.0.1:${await closedPort()}` });

    const run = await cli(['who', 'SEP001122334455', '--cucm-host', simulator.hostPort], { env });

    assert.deepEqual(run, { exitCode: 0, stdout: 'SEP001122334455  jdoe\n', stderr: '' });
  });

  it('lets --em-url override CUCM_HOST, which the service would prefer', async () => {
    const simulator = await opened.simulator();
    const env = simulatorEnv(simulator, { CUCM_HOST: `127.0.0.1:${await closedPort()}` });
    const url = `${simulator.url}/emservice/EMServiceServlet`;

    const run = await cli(['who', 'SEP001122334455', '--em-url', url], { env });

    assert.equal(run.exitCode, 0);
  });

  it('reads the password from --app-certificate-file, over EM_APP_CERTIFICATE', async () => {
    const simulator = await opened.simulator();
    await temp.create();
    const file = temp.file('password');
    await writeFile(file, 'demo-secret\n');

    const run = await cli(['where', 'jdoe', '--app-certificate-file', file], {
      env: simulatorEnv(simulator, { EM_APP_CERTIFICATE: 'wrong' }),
    });

    assert.equal(run.exitCode, 0);
  });

  it('refuses a password given as a flag without repeating it', async () => {
    for (const argv of [
      ['--app-certificate', 'hunter2', 'who', 'SEP001122334455'],
      ['who', 'SEP001122334455', '--app-certificate=hunter2'],
      ['who', 'SEP001122334455', '--password', 'hunter2'],
    ]) {
      const run = await cli(argv);

      assert.equal(run.exitCode, 2);
      assert.ok(!run.stderr.includes('hunter2'), run.stderr);
      assert.match(
        run.stderr,
        /^em-logout: --(app-certificate|password) is not an option: a password given as a flag shows in shell history and ps\. Set EM_APP_CERTIFICATE or EM_APP_CERTIFICATE_FILE, or pass --app-certificate-file PATH\.\n$/,
      );
    }
  });

  it('exits 2 for an unknown command or option', async () => {
    const command = await cli(['logoff', 'SEP001122334455']);
    const option = await cli(['who', '--fast', 'SEP001122334455']);

    assert.equal(command.exitCode, 2);
    assert.equal(
      command.stderr,
      "error: unknown command 'logoff'\n(Did you mean logout?)\n(em-logout --help shows usage and examples)\n",
    );
    assert.equal(option.exitCode, 2);
    assert.equal(
      option.stderr,
      "error: unknown option '--fast'\n(em-logout --help shows usage and examples)\n",
    );
  });

  it('prints help with examples and exits 0', async () => {
    const run = await cli(['--help']);
    const bulk = await cli(['bulk', '--help']);

    assert.equal(run.exitCode, 0);
    assert.match(run.stdout, /^Usage: em-logout \[options\] \[command\]\n/);
    assert.match(run.stdout, /\nExamples:\n {2}export CUCM_HOST=cucm-pub\.example\.com:8443/);
    assert.match(run.stdout, /\n {2}em-logout bulk floor3\.csv --resume floor3-report\.csv/);
    assert.match(run.stdout, /\nExit status: 0 all succeeded/);
    assert.equal(bulk.exitCode, 0);
    assert.equal((await cli(['help', 'bulk'])).exitCode, 0);
    assert.equal((await cli([])).exitCode, 2);
    assert.match(bulk.stdout, /^Usage: em-logout bulk \[options\] <file>\n/);
    assert.match(bulk.stdout, /--resume <report>/);
  });
});
