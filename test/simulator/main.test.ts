import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

import { postXml, queryXml } from './support.js';

const MAIN = 'src/simulator/main.ts';

/** Runs main.ts with only the SIM_* variables given, always on loopback. */
function runMain(sim: Record<string, string>): ChildProcess {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('SIM_'));
  const env = { ...Object.fromEntries(inherited), SIM_HOST: '127.0.0.1', ...sim };
  return spawn(process.execPath, ['--import', 'tsx', MAIN], { env });
}

interface Output {
  stdout: () => string;
  stderr: () => string;
}

function collect(child: ChildProcess): Output {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { stdout: () => stdout, stderr: () => stderr };
}

/** Resolves once stdout holds `text`; rejects if the process exits first. */
function untilPrinted(child: ChildProcess, output: Output, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (): void => {
      if (!output.stdout().includes(text)) return;
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      resolve();
    };
    const onExit = (code: number | null): void => {
      child.stdout?.off('data', onData);
      reject(new Error(`main.ts exited with ${code} before printing it: ${output.stderr()}`));
    };
    if (child.exitCode !== null) {
      onExit(child.exitCode);
      return;
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

interface Run {
  child: ChildProcess;
  output: Output;
}

function start(sim: Record<string, string>): Run {
  const child = runMain(sim);
  return { child, output: collect(child) };
}

describe('npm run simulator (main.ts)', () => {
  // Both processes start together: tsx start-up is most of each test's time.
  let badEnv: Run;
  let demo: Run;

  before(() => {
    badEnv = start({ SIM_MAX_CONCURRENT: 'many' });
    demo = start({ SIM_PORT: '0' });
  });

  after(() => {
    for (const { child } of [badEnv, demo]) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 2 naming the variable when a SIM_* value is bad', async () => {
    const { child, output } = badEnv;

    const code = child.exitCode ?? (await once(child, 'exit'))[0];

    assert.equal(code, 2);
    assert.equal(output.stdout(), '');
    assert.equal(
      output.stderr(),
      "SIM_MAX_CONCURRENT must be an integer from 1 to 100, got 'many'\n",
    );
  });

  it('prints where it listens, serves the demo, and stops on SIGTERM', async () => {
    const { child, output } = demo;
    await untilPrinted(child, output, 'Stop with Ctrl+C.');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output.stdout())?.[1];
    assert.ok(url, output.stdout());

    const query = '<deviceUserQuery><deviceName>SEP001122334455</deviceName></deviceUserQuery>';
    const answer = await postXml(url, queryXml(query));
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');

    assert.ok(answer.body.includes('<userID>jdoe</userID>'));
    assert.equal(code, 0);
    assert.ok(output.stdout().endsWith('\nSIGTERM: simulator stopped\n'));
    assert.equal(output.stderr(), '');
  });
});
