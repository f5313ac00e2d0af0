import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { EM_VARIABLES } from '../../src/cli/settings.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import { countLogouts, floorDevices, floorSeed, Opened } from '../bulk/support.js';
import { cli, simulatorEnv, TempDir } from './support.js';

const MAIN = 'src/cli/main.ts';
const DEVICES = floorDevices(40);

interface Child {
  readonly process: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** The real executable, with only the given EM variables (none of this shell's). */
function spawnCli(args: readonly string[], env: Record<string, string>): Child {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !(EM_VARIABLES as readonly string[]).includes(name),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...Object.fromEntries(inherited), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { process: child, stdout: () => stdout, stderr: () => stderr };
}

/** The report's data rows as [device, outcome]. */
async function reportRows(path: string): Promise<string[][]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(',').slice(1, 3));
}

async function untilRows(path: string, count: number, child: Child): Promise<void> {
  for (let waited = 0; waited < 8000; waited += 10) {
    if ((await reportRows(path)).length >= count) return;
    if (child.process.exitCode !== null) break;
    await sleep(10);
  }
  throw new Error(`no ${count} report rows: ${child.stderr()}`);
}

function escape(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loggedOutDevices(simulator: RunningSimulator): string[] {
  return simulator.state
    .devices()
    .filter((device) => device.userId === undefined)
    .map((device) => device.name)
    .sort();
}

describe('em-logout bulk, interrupted by Ctrl-C (a real process)', function () {
  this.timeout(15_000);
  const opened = new Opened();
  const temp = new TempDir();
  let children: Child[] = [];
  beforeEach(() => temp.create());
  afterEach(async () => {
    for (const child of children) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
      }
    }
    children = [];
    await opened.close();
    await temp.remove();
  });

  async function start(): Promise<{ simulator: RunningSimulator; file: string; report: string }> {
    const simulator = await opened.simulator({ latencyMs: 30, seed: floorSeed(DEVICES.length) });
    const file = temp.file('floor.csv');
    await writeFile(
      file,
      `device,desk\n${DEVICES.map((device, index) => `${device},${index}`).join('\n')}\n`,
    );
    return { simulator, file, report: temp.file('report.csv') };
  }

  function run(args: readonly string[], simulator: RunningSimulator): Child {
    const child = spawnCli(args, simulatorEnv(simulator, { EM_MAX_CONCURRENCY: '2' }));
    children.push(child);
    return child;
  }

  it('finishes the requests in flight, writes every answer, and --resume does the rest once', async () => {
    const { simulator, file, report } = await start();
    const logouts = countLogouts(simulator);
    const child = run(['bulk', file, '--report', report, '--no-progress'], simulator);

    await untilRows(report, 4, child);
    child.process.kill('SIGINT');
    const [code] = (await once(child.process, 'exit')) as [number | null];

    assert.equal(code, 130);
    const rows = await reportRows(report);
    assert.ok(rows.length >= 4 && rows.length < DEVICES.length, `rows: ${rows.length}`);
    assert.deepEqual(
      rows.filter(([, outcome]) => outcome !== 'logged-out'),
      [],
    );
    // Nothing lost: every device CUCM logged out is in the report.
    assert.deepEqual(rows.map(([device]) => device).sort(), loggedOutDevices(simulator));
    assert.match(
      child.stdout(),
      new RegExp(
        `Interrupted: ${DEVICES.length - rows.length} devices not sent; every answer received is in the report\\.\\n` +
          `Continue with: em-logout bulk ${escape(file)} --resume ${escape(report)}\\n$`,
      ),
    );
    assert.match(child.stderr(), /stopping: requests in flight finish first/);

    const resumed = await cli(['bulk', file, '--resume', report, '--json'], {
      env: simulatorEnv(simulator, { EM_MAX_CONCURRENCY: '5' }),
    });

    assert.equal(resumed.exitCode, 0);
    assert.deepEqual((JSON.parse(resumed.stdout) as { counts: unknown }).counts, {
      loggedOut: DEVICES.length - rows.length,
      nobody: 0,
      failed: 0,
      skipped: 0,
      alreadyDone: rows.length,
      notSent: 0,
    });
    const all = await reportRows(report);
    assert.deepEqual(all.map(([device]) => device).sort(), DEVICES);
    assert.ok(all.every(([, outcome]) => outcome === 'logged-out'));
    assert.deepEqual(
      [...logouts.values()],
      DEVICES.map(() => 1),
    );
    assert.equal(simulator.stats.requests, DEVICES.length);
  });

  it('quits at once on a second Ctrl-C; --resume still logs nobody out twice', async () => {
    const { simulator, file, report } = await start();
    const logouts = countLogouts(simulator);
    const child = run(['bulk', file, '--report', report, '--no-progress'], simulator);

    await untilRows(report, 4, child);
    child.process.kill('SIGINT');
    await sleep(5);
    child.process.kill('SIGINT');
    const [code] = (await once(child.process, 'exit')) as [number | null];

    assert.equal(code, 130);
    // Let CUCM finish what it had received before the process died.
    await sleep(80);
    const resumed = await cli(['bulk', file, '--resume', report, '--json'], {
      env: simulatorEnv(simulator),
    });

    assert.equal(resumed.exitCode, 0);
    const all = await reportRows(report);
    assert.deepEqual(all.map(([device]) => device).sort(), DEVICES);
    assert.ok(all.every(([, outcome]) => outcome === 'logged-out' || outcome === 'nobody'));
    assert.deepEqual(
      [...logouts.values()],
      DEVICES.map(() => 1),
    );
  });
});
