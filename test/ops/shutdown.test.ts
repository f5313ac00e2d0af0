import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { startUpstream, emFixture, type Upstream } from '../support/upstream.js';
import { screenFile } from '../support/screens.js';

/** Starts `src/server.ts` as npm start would and resolves with its URL from the start-up log line. */
async function startChild(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`service exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const parsed = JSON.parse(line) as { msg?: string; url?: string };
      if (parsed.msg === 'em-logout listening' && parsed.url !== undefined) resolve(parsed.url);
    });
  });
  return { child, url, lines };
}

describe('graceful shutdown', function () {
  let upstream: Upstream;
  let child: ChildProcess | undefined;

  afterEach(async function () {
    if (child !== undefined && child.exitCode === null) child.kill('SIGKILL');
    await upstream.close();
  });

  it('lets a logout in flight finish after SIGTERM, then exits 0', async function () {
    this.timeout(30_000);
    upstream = await startUpstream({ body: emFixture('logout-success.xml'), delayMs: 800 });
    const started = await startChild({
      PORT: '0',
      HOST: '127.0.0.1',
      CUCM_HOST: upstream.hostPort,
      EM_APP_ID: 'emproxy',
      EM_APP_CERTIFICATE: 'secret',
      LOGOUT_CONFIRM: 'false',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    child = started.child;

    const pressed = fetch(`${started.url}/logout?device=SEP003094C25B15`);
    while (upstream.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const exited = once(child, 'exit');
    child.kill('SIGTERM');

    const res = await pressed;
    assert.equal(res.status, 200);
    assert.equal(await res.text(), screenFile('logged-out-3094.xml'));
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
    const messages = started.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    // The logout was answered after the stop began: its lines follow 'stopping'.
    const afterStop = messages
      .slice(messages.indexOf('stopping') + 1)
      .filter((msg) => msg !== 'em attempt');
    assert.deepEqual(afterStop, ['logged out', 'request', 'stopped'], started.lines.join('\n'));
  });
});
