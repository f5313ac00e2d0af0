import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import { DEMO_APP_USER } from '../../src/simulator/seed.js';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly stdin?: string;
  readonly signal?: AbortSignal;
  readonly now?: Date;
}

/** Runs the CLI in-process with captured output; only the given env is seen. */
export async function cli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdin: () => Readable.from([Buffer.from(options.stdin ?? '')]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
    now: () => options.now ?? new Date('2025-03-04T05:06:07.890Z'),
  });
  return { exitCode, stdout, stderr };
}

/** The service's variables, pointed at a simulator, with the demo application user. */
export function simulatorEnv(
  simulator: RunningSimulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    CUCM_HOST: simulator.hostPort,
    EM_APP_ID: DEMO_APP_USER.id,
    EM_APP_CERTIFICATE: DEMO_APP_USER.password,
    ...extra,
  };
}

/** A fresh directory under the system's temporary one, removed by `remove`. */
export class TempDir {
  #path: string | undefined;

  async create(): Promise<string> {
    this.#path = await mkdtemp(join(tmpdir(), 'em-logout-cli-'));
    return this.#path;
  }

  get path(): string {
    if (this.#path === undefined) throw new Error('TempDir.create() first');
    return this.#path;
  }

  file(name: string): string {
    return join(this.path, name);
  }

  async remove(): Promise<void> {
    if (this.#path !== undefined) await rm(this.#path, { recursive: true, force: true });
    this.#path = undefined;
  }
}

/** A report's text with each duration_ms (the last column) replaced by `<ms>`. */
export async function readReport(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  return text.replace(/,\d+\n/g, ',<ms>\n');
}

/** JSON output with the values that change between runs replaced. */
export function parseMasked(stdout: string): unknown {
  return JSON.parse(stdout, (key, value: unknown) =>
    ['durationMs', 'elapsedMs', 'ratePerSecond'].includes(key) && typeof value === 'number'
      ? '<masked>'
      : value,
  );
}

/** Summary lines carry the elapsed time and rate. */
export function maskTimes(text: string): string {
  return text.replace(/in \d+(\.\d)? s \(\d+\.\d\/s\)/g, 'in <t> s (<r>/s)');
}

export { closedPort } from '../support/ports.js';
