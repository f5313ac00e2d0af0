import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SimulatorSetupError } from './errors.js';
import { createHandler } from './http-handler.js';
import { demoSeed } from './seed.js';
import type { SimulatorSeed } from './seed.js';
import { SimulatorState } from './state.js';
import { OperationSlots } from './throttle.js';

export interface SimulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** How long each login/logout/logoutAll holds a slot. Default 0. */
  latencyMs?: number;
  /** How long each query takes. Default 0. */
  queryLatencyMs?: number;
  /** CUCM's "Maximum Concurrent Requests"; operations past it get code 26. Default 5. */
  maxConcurrent?: number;
  /** Default: demoSeed(). */
  seed?: SimulatorSeed;
}

export interface SimulatorStats {
  /** HTTP requests received, whatever their path or outcome. */
  requests: number;
  /** Operations refused with code 26. */
  throttled: number;
  /** The most operations that held a slot at once. */
  maxInFlight: number;
}

export interface RunningSimulator {
  /** e.g. 'http://127.0.0.1:40123' (no trailing slash). */
  readonly url: string;
  /** e.g. '127.0.0.1:40123', usable as CUCM_HOST. */
  readonly hostPort: string;
  readonly state: SimulatorState;
  /** A snapshot taken when read. */
  readonly stats: SimulatorStats;
  /** Closes the server and every keep-alive socket. */
  close(): Promise<void>;
}

type Settings = Required<SimulatorOptions>;

const DEFAULTS: Omit<Settings, 'seed'> = {
  host: '127.0.0.1',
  port: 0,
  latencyMs: 0,
  queryLatencyMs: 0,
  // CUCM's default in current releases (older ones used 3).
  maxConcurrent: 5,
};

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const settings = normalise(options);
  const state = new SimulatorState(settings.seed);
  const slots = new OperationSlots(settings.maxConcurrent);
  const closing = new AbortController();
  const { latencyMs, queryLatencyMs } = settings;
  const handler = createHandler({
    state,
    slots,
    latencyMs,
    queryLatencyMs,
    signal: closing.signal,
  });

  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    handler(req, res);
  });
  await listen(server, settings.host, settings.port);

  const hostPort = reachableHostPort(server.address() as AddressInfo);
  let closed: Promise<void> | undefined;
  return {
    url: `http://${hostPort}`,
    hostPort,
    state,
    get stats() {
      return { requests, throttled: slots.refused, maxInFlight: slots.maxInFlight };
    },
    close() {
      closed ??= shutDown(server, closing);
      return closed;
    },
  };
}

function normalise(options: SimulatorOptions): Settings {
  const settings: Settings = {
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
    queryLatencyMs: options.queryLatencyMs ?? DEFAULTS.queryLatencyMs,
    maxConcurrent: options.maxConcurrent ?? DEFAULTS.maxConcurrent,
    seed: options.seed ?? demoSeed(),
  };
  validate(settings);
  return settings;
}

function validate({ host, port, latencyMs, queryLatencyMs, maxConcurrent }: Settings): void {
  check(host.trim() !== '', 'host must be a host name or IP address', host);
  check(isIntegerIn(port, 0, 65535), 'port must be an integer from 0 to 65535', port);
  check(isDelay(latencyMs), 'latencyMs must be milliseconds >= 0', latencyMs);
  check(isDelay(queryLatencyMs), 'queryLatencyMs must be milliseconds >= 0', queryLatencyMs);
  // The range CUCM accepts for "Maximum Concurrent Requests".
  check(
    isIntegerIn(maxConcurrent, 1, 100),
    'maxConcurrent must be an integer from 1 to 100',
    maxConcurrent,
  );
}

function check(valid: boolean, rule: string, value: unknown): void {
  if (!valid) throw new SimulatorSetupError('SIM_INVALID_OPTION', `${rule}, got ${String(value)}`);
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function isDelay(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

// A wildcard address cannot go into a URL: clients reach it on loopback.
function reachableHostPort({ address, port }: AddressInfo): string {
  const wildcard = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : undefined;
  const host = wildcard ?? address;

  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

async function shutDown(server: Server, closing: AbortController): Promise<void> {
  // Cut simulated latency short first, so no timer outlives the server.
  closing.abort();
  const stopped = new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
  server.closeAllConnections();
  await stopped;
}
