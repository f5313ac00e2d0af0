import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { createApp } from '../src/app.js';
import { EmClient, resolveEndpoint } from '../src/em/index.js';
import { createLogger } from '../src/logger.js';
import { designFloor, frameworkCeiling, type ServedApp } from './baselines.js';
import { closeServer, startFakeEm, type UpstreamCounts } from './upstream.js';

/**
 * Every server the bench measures runs in a child process of its own, so that the
 * load generator (autocannon, in the parent) and the fake CUCM never share an event
 * loop with it. Children listen on 127.0.0.1, port 0, and talk to the parent over IPC.
 */
export type Role = 'upstream' | 'ceiling' | 'floor' | 'phone' | 'confirm';

const ROLES: readonly Role[] = ['upstream', 'ceiling', 'floor', 'phone', 'confirm'];
const ROLE_ENV = 'BENCH_ROLE';
const UPSTREAM_ENV = 'BENCH_UPSTREAM';
/** Extra Node options for the children only, e.g. `--cpu-prof` to profile a route. */
const CHILD_ARGS_ENV = 'BENCH_CHILD_ARGS';
const ENTRY = fileURLToPath(new URL('./run.ts', import.meta.url));

export interface MemoryReading {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** False when the child has no `gc` (started without --expose-gc). */
  readonly collected: boolean;
}

type ToChild = { type: 'counts' } | { type: 'memory' } | { type: 'close' };
type FromChild =
  | { type: 'listening'; url: string }
  | { type: 'counts'; counts: UpstreamCounts }
  | { type: 'memory'; reading: MemoryReading }
  | { type: 'failed'; message: string };

// ---------------------------------------------------------------------------
// Child side
// ---------------------------------------------------------------------------

/** The role this process was started for, or undefined in the parent. */
export function childRole(): Role | undefined {
  const role = process.env[ROLE_ENV];
  if (role === undefined) return undefined;
  if (!ROLES.includes(role as Role)) throw new Error(`${ROLE_ENV} must be one of ${ROLES}`);
  return role as Role;
}

/** Serves one role until the parent says close, or goes away. */
export async function serveRole(role: Role): Promise<void> {
  const send = (message: FromChild) => process.send?.(message);
  try {
    const started = await startRole(role);
    // Closed once, whether the parent asks first or goes away first.
    const closing = lazy(() => started.close());
    const served: Served = { ...started, close: closing };
    process.on('message', (message: ToChild) => void onMessage(message, served, send));
    // A parent that dies must not leave a server behind.
    process.once('disconnect', () => void served.close().then(() => process.exit(0)));
    send({ type: 'listening', url: served.url });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    process.disconnect();
  }
}

function lazy(run: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => (promise ??= run());
}

interface Served {
  readonly url: string;
  counts(): UpstreamCounts;
  close(): Promise<void>;
}

async function onMessage(message: ToChild, served: Served, send: (m: FromChild) => void) {
  if (message.type === 'counts') return send({ type: 'counts', counts: served.counts() });
  if (message.type === 'memory') return send({ type: 'memory', reading: readMemory() });
  await served.close();
  process.disconnect();
}

function readMemory(): MemoryReading {
  const gc = globalThis.gc;
  // Twice: the first pass can leave garbage that only finalisers freed.
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, collected: gc !== undefined };
}

async function startRole(role: Role): Promise<Served> {
  if (role === 'upstream') return startFakeEm();

  const upstream = process.env[UPSTREAM_ENV] ?? '';
  if (upstream === '') throw new Error(`${ROLE_ENV}=${role} needs ${UPSTREAM_ENV}`);
  const target = buildTarget(role, upstream);
  const server = target.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ logouts: 0, queries: 0, others: 0 }),
    close: () => closeTarget(server, target),
  };
}

async function closeTarget(server: Server, target: ServedApp): Promise<void> {
  await closeServer(server);
  await target.close();
}

function buildTarget(role: Exclude<Role, 'upstream'>, upstream: string): ServedApp {
  if (role === 'ceiling') return frameworkCeiling();
  if (role === 'floor') return designFloor(upstream);
  return phoneService(upstream, role === 'confirm');
}

/**
 * The real service as `createApp` builds it, with a real EM client aimed at the
 * fake: five EM requests at once, no rate limit, nothing logged.
 */
export function phoneService(upstream: string, confirm: boolean): ServedApp {
  const em = new EmClient({
    endpoints: [resolveEndpoint({ callManagerHost: upstream })],
    credentials: { appId: 'emlogout', appCertificate: 'bench-secret' },
    maxConcurrency: 5,
  });
  const app: Express = createApp({
    config: {
      demo: false,
      logoutConfirm: confirm,
      publicUrl: undefined,
      phone: { trustedNetworks: undefined, trustProxy: false, rateLimitPerMinute: 0 },
    },
    em,
    logger: createLogger('silent'),
  });
  return { app, close: () => em.close() };
}

// ---------------------------------------------------------------------------
// Parent side
// ---------------------------------------------------------------------------

export interface ChildServer {
  readonly role: Role;
  readonly url: string;
  readonly pid: number;
  counts(): Promise<UpstreamCounts>;
  memory(): Promise<MemoryReading>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const ANSWER_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5_000;

/** Every child started and not yet closed, so that a failed run can still end them. */
const running = new Set<ChildProcess>();

export async function startChild(
  role: Role,
  options: { upstream?: string; nodeArgs?: readonly string[] } = {},
): Promise<ChildServer> {
  const childArgs = (process.env[CHILD_ARGS_ENV] ?? '').split(' ').filter((arg) => arg !== '');
  const child = fork(ENTRY, [], {
    env: { ...process.env, [ROLE_ENV]: role, [UPSTREAM_ENV]: options.upstream ?? '' },
    execArgv: [...process.execArgv, ...childArgs, ...(options.nodeArgs ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  const first = await nextMessage(child, START_TIMEOUT_MS, `${role} to start`);
  if (first.type !== 'listening') {
    await endChild(child);
    throw new Error(`the ${role} child failed to start: ${describe(first)}`);
  }
  return handle(role, first.url, child);
}

function handle(role: Role, url: string, child: ChildProcess): ChildServer {
  async function ask<T extends FromChild['type']>(message: ToChild, expected: T) {
    const answer = nextMessage(child, ANSWER_TIMEOUT_MS, `${role} to answer ${message.type}`);
    child.send(message);
    const received = await answer;
    if (received.type !== expected) throw new Error(`${role} answered ${describe(received)}`);
    return received as Extract<FromChild, { type: T }>;
  }
  return {
    role,
    url,
    pid: child.pid ?? -1,
    counts: async () => (await ask({ type: 'counts' }, 'counts')).counts,
    memory: async () => (await ask({ type: 'memory' }, 'memory')).reading,
    close: () => endChild(child),
  };
}

function describe(message: FromChild): string {
  return message.type === 'failed' ? message.message : `an unexpected '${message.type}'`;
}

function nextMessage(child: ChildProcess, timeoutMs: number, what: string): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const onMessage = (message: FromChild) => finish(undefined, message);
    const onExit = (code: number | null) =>
      finish(new Error(`child exited (${code}) before ${what}`));
    function finish(error: Error | undefined, message?: FromChild) {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      if (error === undefined) resolve(message!);
      else reject(error);
    }
    child.on('message', onMessage).once('exit', onExit);
  });
}

/** Asks the child to close its servers and exit; kills it (by its own pid) if it does not. */
async function endChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.send({ type: 'close' } satisfies ToChild);
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Ends every child still running: the last resort of a run that failed. */
export async function endAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => endChild(child)));
}

// ---------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------

export interface LoadOptions {
  readonly connections: number;
  /** Seconds of load; ignored when `amount` is given. */
  readonly durationS?: number;
  /** Requests to complete, then stop. */
  readonly amount?: number;
  /** Hard stop, whatever `amount` says, so that a slow target cannot hold the bench. */
  readonly capS: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly durationS: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cappedEarly: boolean;
}

/** Distinct devices per run: enough that no two connections ever press the same one. */
export const DEVICE_COUNT = 1000;

/**
 * `GET /logout?device=SEP…` with a different device on every request, cycling through
 * DEVICE_COUNT names; the same requests go to the baselines, so that the load
 * generator does the same work for every target.
 */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    ...(options.amount === undefined
      ? { duration: options.durationS ?? 5 }
      : { amount: options.amount }),
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          next = (next + 1) % DEVICE_COUNT;
          return { ...request, path: `/logout?device=${deviceName(next + 1)}` };
        },
      },
    ],
  });
  // autocannon's own histogram keeps whole milliseconds; loopback latencies need finer.
  instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs);
  });
  const cap = setTimeout(() => instance.stop(), options.capS * 1000);
  const result = await instance;
  clearTimeout(cap);

  const requests = result.requests.total;
  const failures = result.errors + result.timeouts + result.non2xx;
  // Every target answers 200 on loopback: any failure means it is not what we think.
  if (failures > 0) throw new Error(`${url} failed ${failures} of ${requests} requests`);
  return {
    requests,
    durationS: result.duration,
    rps: requests / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cappedEarly: options.amount !== undefined && requests < options.amount,
  };
}

export function deviceName(index: number): string {
  return `SEP${index.toString(16).toUpperCase().padStart(12, '0')}`;
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
