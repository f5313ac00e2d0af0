import { Agent, type Dispatcher } from 'undici';
import {
  findDevice,
  readActionAnswer,
  readDeviceUserAnswer,
  readUserDevicesAnswer,
  type ActionAnswer,
  type EmFailureAnswer,
  type DeviceUser,
} from './answers.js';
import type { AttemptEvent, EmOperation } from './attempt-event.js';
import { backoffDelay, sleep } from './backoff.js';
import { CircuitBreaker, type CircuitState } from './breaker.js';
import type { AppCredentials } from './credentials.js';
import type { EmEndpoint } from './endpoint.js';
import { EM_CODE_BUSY, EM_CODE_NOBODY_LOGGED_IN } from './error-codes.js';
import { EmNetworkError, EmTimeoutError } from './errors/index.js';
import { exchange, type ExchangeOptions } from './exchange.js';
import { emAnswerFailure, errorFailure, type EmFailure } from './failure.js';
import { ConcurrencyLimiter } from './limiter.js';
import { secretScrubber } from './scrub.js';
import * as requests from './request-xml.js';
import type { XmlNode } from './xml-reader.js';

export interface EmClientOptions {
  readonly endpoints: readonly EmEndpoint[];
  readonly credentials: AppCredentials;
  /** Deadline of one whole operation, retries and queueing included. */
  readonly timeoutMs?: number;
  /** EM requests in flight at once, process-wide (CUCM's own default is 5). */
  readonly maxConcurrency?: number;
  /** Largest answer read before it is called unreadable. */
  readonly maxAnswerBytes?: number;
  /** How long a logout we did is remembered, so that a second press shows it again. */
  readonly rememberLogoutMs?: number;
  readonly retry?: {
    readonly baseMs?: number;
    readonly capMs?: number;
    readonly random?: () => number;
  };
  /**
   * Default true. False hands CUCM's code 26 back at once, as a failure, to a caller
   * that paces itself (the bulk engine): a retry sleeping here would hold that
   * caller's slot while CUCM sits idle, and hide the throttle signal it adapts to.
   */
  readonly retryBusy?: boolean;
  /** TLS and connection settings for the EM nodes; ignored when `dispatcher` is given. */
  readonly tls?: { readonly ca?: string | Buffer; readonly rejectUnauthorized?: boolean };
  readonly dispatcher?: Dispatcher;
  readonly now?: () => number;
  /** Network failures in a row that open a node's circuit (0 turns it off), and for how long. */
  readonly breaker?: { readonly threshold?: number; readonly cooldownMs?: number };
  /** Called after every attempt, for logs and metrics; it must not throw. */
  readonly onAttempt?: (event: AttemptEvent) => void;
}

interface Outcome {
  readonly node: string | undefined;
  readonly attempts: number;
  readonly durationMs: number;
}

export type LogoutOutcome = Outcome &
  (
    | { readonly ok: true; readonly repeated: boolean }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type DeviceUsersOutcome = Outcome &
  (
    | { readonly ok: true; readonly devices: readonly DeviceUser[] }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type DeviceUserOutcome = Outcome &
  (
    | { readonly ok: true; readonly device: DeviceUser }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type UserDevicesOutcome = Outcome &
  (
    | {
        readonly ok: true;
        readonly state: 'logged-in' | 'nobody' | 'unknown-user';
        readonly deviceNames: readonly string[];
      }
    | { readonly ok: false; readonly failure: EmFailure }
  );

const DEFAULTS = {
  timeoutMs: 5000,
  maxConcurrency: 5,
  maxAnswerBytes: 256 * 1024,
  rememberLogoutMs: 60_000,
  retryBaseMs: 100,
  retryCapMs: 1000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

/**
 * The EM API as this service uses it: one object per cluster, sharing one
 * connection pool and one concurrency limit. Every method resolves to an outcome;
 * none throws for anything CUCM or the network does.
 */
export class EmClient {
  readonly #endpoints: readonly EmEndpoint[];
  readonly #credentials: AppCredentials;
  readonly #timeoutMs: number;
  readonly #maxAnswerBytes: number;
  readonly #rememberMs: number;
  readonly #retry: { baseMs: number; capMs: number; random?: () => number };
  readonly #retryBusy: boolean;
  readonly #limiter: ConcurrencyLimiter;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #now: () => number;
  readonly #scrub: (text: string) => string;
  readonly #breaker: CircuitBreaker;
  readonly #onAttempt: ((event: AttemptEvent) => void) | undefined;
  readonly #inFlight = new Map<string, Promise<LogoutOutcome>>();
  readonly #recentLogouts = new Map<string, number>();

  constructor(options: EmClientOptions) {
    checkOptions(options);
    this.#endpoints = options.endpoints;
    this.#credentials = options.credentials;
    this.#scrub = secretScrubber(options.credentials.appCertificate);
    this.#timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.#maxAnswerBytes = options.maxAnswerBytes ?? DEFAULTS.maxAnswerBytes;
    this.#rememberMs = options.rememberLogoutMs ?? DEFAULTS.rememberLogoutMs;
    this.#retry = {
      baseMs: options.retry?.baseMs ?? DEFAULTS.retryBaseMs,
      capMs: options.retry?.capMs ?? DEFAULTS.retryCapMs,
      ...(options.retry?.random === undefined ? {} : { random: options.retry.random }),
    };
    this.#retryBusy = options.retryBusy ?? true;
    const concurrency = options.maxConcurrency ?? DEFAULTS.maxConcurrency;
    this.#limiter = new ConcurrencyLimiter(concurrency);
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher ?? createDispatcher(concurrency, options.tls);
    this.#now = options.now ?? Date.now;
    this.#breaker = new CircuitBreaker({
      threshold: options.breaker?.threshold ?? DEFAULTS.breakerThreshold,
      cooldownMs: options.breaker?.cooldownMs ?? DEFAULTS.breakerCooldownMs,
      now: this.#now,
    });
    this.#onAttempt = options.onAttempt;
  }

  /** Each node's circuit: 'open' means it is skipped for now. */
  circuits(): Record<string, CircuitState> {
    return Object.fromEntries(this.#endpoints.map((e) => [e.node, this.#breaker.state(e.node)]));
  }

  get nodes(): readonly string[] {
    return this.#endpoints.map((endpoint) => endpoint.node);
  }

  get load(): { active: number; queued: number } {
    return { active: this.#limiter.active, queued: this.#limiter.queued };
  }

  /**
   * Logs the device out. Presses that arrive while a logout of the same device is
   * in flight share it; a press soon after our own successful logout of it reports
   * that success again instead of CUCM's "no user logged in".
   */
  logout(deviceName: string): Promise<LogoutOutcome> {
    const key = deviceName.toUpperCase();
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running;

    const started = this.#logoutOnce(deviceName, key).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, started);
    return started;
  }

  async #logoutOnce(deviceName: string, key: string): Promise<LogoutOutcome> {
    const xml = requests.logoutRequest(this.#credentials, deviceName);
    const outcome = await this.#action('logout', xml);
    if (outcome.ok) {
      this.#remember(key);
      return { ...outcome, repeated: false };
    }
    if (outcome.failure.emCode === EM_CODE_NOBODY_LOGGED_IN && this.#recentlyLoggedOut(key)) {
      return {
        node: outcome.node,
        attempts: outcome.attempts,
        durationMs: outcome.durationMs,
        ok: true,
        repeated: true,
      };
    }
    return outcome;
  }

  async logoutAll(): Promise<Outcome & ({ ok: true } | { ok: false; failure: EmFailure })> {
    return this.#action('logoutAll', requests.logoutAllRequest(this.#credentials));
  }

  async login(
    params: requests.LoginParams,
  ): Promise<Outcome & ({ ok: true } | { ok: false; failure: EmFailure })> {
    return this.#action('login', requests.loginRequest(this.#credentials, params));
  }

  /** Who is logged in on each device, in one query (the API allows several names). */
  async deviceUsers(deviceNames: readonly string[]): Promise<DeviceUsersOutcome> {
    const xml = requests.deviceUserQuery(this.#credentials, deviceNames);
    const run = await this.#run('deviceUserQuery', xml, 'query', readDeviceUserAnswer);
    if (!run.ok) return run;
    if (run.answer.outcome === 'failure')
      return { ...run.meta, ok: false, failure: this.#failureOf(run.answer) };
    return { ...run.meta, ok: true, devices: run.answer.devices };
  }

  async deviceUser(deviceName: string): Promise<DeviceUserOutcome> {
    const outcome = await this.deviceUsers([deviceName]);
    if (!outcome.ok) return outcome;
    const device = findDevice(outcome.devices, deviceName);
    if (device !== undefined) return { ...pickMeta(outcome), ok: true, device };
    const description = `EM query answer does not mention ${deviceName}`;
    return { ...pickMeta(outcome), ok: false, failure: { kind: 'unreadable', description } };
  }

  async userDevices(userId: string): Promise<UserDevicesOutcome> {
    const xml = requests.userDevicesQuery(this.#credentials, userId);
    const run = await this.#run('userDevicesQuery', xml, 'query', readUserDevicesAnswer);
    if (!run.ok) return run;
    if (run.answer.outcome === 'failure')
      return { ...run.meta, ok: false, failure: this.#failureOf(run.answer) };
    return { ...run.meta, ok: true, state: run.answer.state, deviceNames: run.answer.deviceNames };
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  async #action(
    operation: EmOperation,
    xml: string,
  ): Promise<Outcome & ({ ok: true } | { ok: false; failure: EmFailure })> {
    const run = await this.#run<ActionAnswer>(operation, xml, 'request', readActionAnswer);
    if (!run.ok) return run;
    if (run.answer.outcome === 'failure') {
      return { ...run.meta, ok: false, failure: this.#failureOf(run.answer) };
    }
    return { ...run.meta, ok: true };
  }

  /**
   * Sends with retries inside one deadline: CUCM's throttle (26) and connections
   * reset on every node are retried with backoff; nothing else is, since a
   * repeated logout cannot make a different answer more right.
   */
  async #run<T extends { outcome: string; code?: number | undefined }>(
    operation: EmOperation,
    xml: string,
    which: 'request' | 'query',
    read: (root: XmlNode) => T | undefined,
  ): Promise<
    { ok: true; answer: T; meta: Outcome } | (Outcome & { ok: false; failure: EmFailure })
  > {
    const startedAt = this.#now();
    const signal = AbortSignal.timeout(this.#timeoutMs);
    const options: ExchangeOptions = {
      dispatcher: this.#dispatcher,
      deadline: { signal, timeoutMs: this.#timeoutMs },
      maxAnswerBytes: this.#maxAnswerBytes,
      breaker: this.#breaker,
    };
    let attempts = 0;
    let node: string | undefined;
    // What the last retry was for. When the deadline cuts a retry short, that
    // busy answer or reset is the outcome, not a timeout that retrying caused.
    let retried: { answer: T } | { failure: EmFailure } | undefined;
    for (;;) {
      attempts += 1;
      const attemptAt = this.#now();
      const report = (event: Omit<AttemptEvent, 'operation' | 'attempt' | 'durationMs'>) =>
        this.#report({
          operation,
          attempt: attempts,
          durationMs: this.#now() - attemptAt,
          ...event,
        });
      try {
        const result = await this.#limiter.run(
          () => exchange(this.#endpoints, which, xml, read, options),
          signal,
        );
        node = result.node;
        const meta = { node, attempts, durationMs: this.#now() - startedAt };
        const busy = result.answer.outcome === 'failure' && result.answer.code === EM_CODE_BUSY;
        const emCode = result.answer.outcome === 'failure' ? (result.answer.code ?? 0) : undefined;
        const outcome = result.answer.outcome === 'failure' ? 'em-failure' : 'success';
        report({ node, result: outcome, emCode, willRetry: busy && this.#retryBusy });
        if (!busy) return { ok: true, answer: result.answer, meta };
        if (!this.#retryBusy || !(await this.#pause(attempts, signal))) {
          return { ok: true, answer: result.answer, meta };
        }
        retried = { answer: result.answer };
      } catch (error) {
        if (signal.aborted && retried !== undefined) {
          // The attempt the deadline cut short was counted by the exchange (a timeout).
          report({ node: nodeOf(error), result: 'timeout', emCode: undefined, willRetry: false });
          const meta = { node, attempts, durationMs: this.#now() - startedAt };
          if ('answer' in retried) return { ok: true, answer: retried.answer, meta };
          return { ok: false, failure: retried.failure, ...meta };
        }
        const failure = errorFailure(
          signal.aborted
            ? new EmTimeoutError(this.#nodeUrl(which), this.#timeoutMs, { cause: error })
            : error,
        );
        const retryable = error instanceof EmNetworkError && error.reason === 'reset';
        report({
          node: nodeOf(error),
          result: failure.kind === 'em' ? 'em-failure' : failure.kind,
          emCode: undefined,
          willRetry: retryable,
        });
        if (!retryable || !(await this.#pause(attempts, signal))) {
          const failedNode = nodeOf(error);
          if (retryable && failedNode !== undefined) this.#breaker.failure(failedNode);
          return { ok: false, failure, node, attempts, durationMs: this.#now() - startedAt };
        }
        retried = { failure };
      }
    }
  }

  /** CUCM's failure, its text cleaned of the password it may quote back. */
  #failureOf(answer: EmFailureAnswer): EmFailure {
    return emAnswerFailure({ ...answer, message: this.#scrub(answer.message) });
  }

  #report(event: AttemptEvent): void {
    try {
      this.#onAttempt?.(event);
    } catch {
      // An observer's fault must not turn a logout into a failure.
    }
  }

  /** Waits before the next attempt; false when the deadline leaves no room for one. */
  async #pause(attempts: number, signal: AbortSignal): Promise<boolean> {
    const delay = backoffDelay(attempts, this.#retry);
    try {
      await sleep(delay, signal);
      return !signal.aborted;
    } catch {
      return false;
    }
  }

  #nodeUrl(which: 'request' | 'query'): string {
    const first = this.#endpoints[0];
    if (first === undefined) return '';
    return (which === 'request' ? first.requestUrl : first.queryUrl).href;
  }

  /**
   * The map keeps insertion order, and a device is re-inserted when remembered
   * again, so the oldest entries come first: forgetting stops at the first one
   * still fresh, and each press costs only what it forgets.
   */
  #remember(key: string): void {
    const now = this.#now();
    this.#recentLogouts.delete(key);
    this.#recentLogouts.set(key, now);
    for (const [device, at] of this.#recentLogouts) {
      if (now - at <= this.#rememberMs) break;
      this.#recentLogouts.delete(device);
    }
  }

  #recentlyLoggedOut(key: string): boolean {
    const at = this.#recentLogouts.get(key);
    return at !== undefined && this.#now() - at <= this.#rememberMs;
  }
}

function pickMeta(outcome: Outcome): Outcome {
  return { node: outcome.node, attempts: outcome.attempts, durationMs: outcome.durationMs };
}

function createDispatcher(connections: number, tls: EmClientOptions['tls']): Dispatcher {
  return new Agent({
    connections,
    keepAliveTimeout: 10_000,
    connect: {
      ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
    },
  });
}

/** Options are checked once, here, so that a wrong one fails loudly at start-up. */
function checkOptions(options: EmClientOptions): void {
  if (options.endpoints.length === 0) throw new RangeError('endpoints must not be empty');
  const positive: [string, number | undefined][] = [
    ['timeoutMs', options.timeoutMs],
    ['maxConcurrency', options.maxConcurrency],
    ['maxAnswerBytes', options.maxAnswerBytes],
  ];
  for (const [name, value] of positive) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new RangeError(`${name} must be a positive whole number, got ${value}`);
    }
  }
  const rememberMs = options.rememberLogoutMs;
  if (rememberMs !== undefined && !(Number.isInteger(rememberMs) && rememberMs >= 0)) {
    throw new RangeError(`rememberLogoutMs must be a whole number of 0 or more, got ${rememberMs}`);
  }
}

/** host:port of the node an error came from, for logs; undefined when none was tried. */
function nodeOf(error: unknown): string | undefined {
  const url = (error as { url?: unknown } | null)?.url;
  if (typeof url !== 'string' || url === '') return undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? '443' : '80') : parsed.port;
    return `${parsed.hostname}:${port}`;
  } catch {
    return undefined;
  }
}
