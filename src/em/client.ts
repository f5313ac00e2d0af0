import type { Dispatcher } from 'undici';
import {
  findDevice,
  readActionAnswer,
  readDeviceUserAnswer,
  readUserDevicesAnswer,
  type ActionAnswer,
  type DeviceUser,
  type EmFailureAnswer,
} from './answers.js';
import type { AttemptEvent, EmCall, EmOperation } from './attempt-event.js';
import { backoffDelay, sleep } from './backoff.js';
import { CircuitBreaker, type CircuitState } from './breaker.js';
import type { AppCredentials } from './credentials.js';
import {
  checkOptions,
  CLIENT_DEFAULTS,
  createDispatcher,
  type EmClientOptions,
} from './client-options.js';
import {
  pickMeta,
  type ActionOutcome,
  type DeviceUserOutcome,
  type DeviceUsersOutcome,
  type LogoutOutcome,
  type Outcome,
  type UserDevicesOutcome,
} from './outcome.js';
import type { EmEndpoint } from './endpoint.js';
import { EM_CODE_BUSY, EM_CODE_NOBODY_LOGGED_IN } from './error-codes.js';
import { EmNetworkError, EmTimeoutError } from './errors/index.js';
import { startDeadline, type Deadline } from './deadline.js';
import { exchange, type ExchangeOptions } from './exchange.js';
import { emAnswerFailure, errorFailure, type EmFailure } from './failure.js';
import { ConcurrencyLimiter } from './limiter.js';
import { RecentLogouts } from './recent-logouts.js';
import { secretScrubber } from './scrub.js';
import * as requests from './request-xml.js';
import type { XmlNode } from './xml-reader.js';

export type { EmClientOptions } from './client-options.js';
export type {
  DeviceUserOutcome,
  DeviceUsersOutcome,
  LogoutOutcome,
  UserDevicesOutcome,
} from './outcome.js';

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
  readonly #recent: RecentLogouts;
  readonly #logoutForm: (deviceName: string) => string;
  readonly #oneDeviceQueryForm: (deviceName: string) => string;
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

  constructor(options: EmClientOptions) {
    checkOptions(options);
    this.#endpoints = options.endpoints;
    this.#credentials = options.credentials;
    this.#scrub = secretScrubber(options.credentials.appCertificate);
    this.#timeoutMs = options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
    this.#maxAnswerBytes = options.maxAnswerBytes ?? CLIENT_DEFAULTS.maxAnswerBytes;
    this.#retry = {
      baseMs: options.retry?.baseMs ?? CLIENT_DEFAULTS.retryBaseMs,
      capMs: options.retry?.capMs ?? CLIENT_DEFAULTS.retryCapMs,
      ...(options.retry?.random === undefined ? {} : { random: options.retry.random }),
    };
    this.#retryBusy = options.retryBusy ?? true;
    const concurrency = options.maxConcurrency ?? CLIENT_DEFAULTS.maxConcurrency;
    this.#limiter = new ConcurrencyLimiter(concurrency);
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher ?? createDispatcher(concurrency, options.tls);
    this.#now = options.now ?? Date.now;
    this.#breaker = new CircuitBreaker({
      threshold: options.breaker?.threshold ?? CLIENT_DEFAULTS.breakerThreshold,
      cooldownMs: options.breaker?.cooldownMs ?? CLIENT_DEFAULTS.breakerCooldownMs,
      now: this.#now,
    });
    this.#onAttempt = options.onAttempt;
    this.#logoutForm = requests.logoutForm(options.credentials);
    this.#oneDeviceQueryForm = requests.oneDeviceQueryForm(options.credentials);
    this.#recent = new RecentLogouts(
      options.rememberLogoutMs ?? CLIENT_DEFAULTS.rememberLogoutMs,
      this.#now,
    );
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
  logout(deviceName: string, call: EmCall = {}): Promise<LogoutOutcome> {
    const key = deviceName.toUpperCase();
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running;

    const started = this.#logoutOnce(deviceName, key, call).finally(() =>
      this.#inFlight.delete(key),
    );
    this.#inFlight.set(key, started);
    return started;
  }

  async #logoutOnce(deviceName: string, key: string, call: EmCall): Promise<LogoutOutcome> {
    const run = await this.#runAction('logout', this.#logoutForm(deviceName), call);
    const outcome = this.#actionOutcome(run);
    if (outcome.ok) {
      this.#recent.remember(key);
      return { ...outcome, repeated: false };
    }
    // "Nobody logged in" after our own logout, or after an attempt whose connection
    // broke once CUCM had the request (it may well have done the logout): a success.
    const ours = this.#recent.has(key) || (run.ok && run.afterReset);
    if (outcome.failure.emCode === EM_CODE_NOBODY_LOGGED_IN && ours) {
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

  async logoutAll(call: EmCall = {}): Promise<ActionOutcome> {
    const form = requests.formBody(requests.logoutAllRequest(this.#credentials));
    return this.#action('logoutAll', form, call);
  }

  async login(params: requests.LoginParams, call: EmCall = {}): Promise<ActionOutcome> {
    const form = requests.formBody(requests.loginRequest(this.#credentials, params));
    return this.#action('login', form, call);
  }

  /** Who is logged in on each device, in one query (the API allows several names). */
  async deviceUsers(
    deviceNames: readonly string[],
    call: EmCall = {},
  ): Promise<DeviceUsersOutcome> {
    const [only, ...more] = deviceNames;
    const form =
      only !== undefined && more.length === 0
        ? this.#oneDeviceQueryForm(only)
        : requests.formBody(requests.deviceUserQuery(this.#credentials, deviceNames));
    const run = await this.#run({
      operation: 'deviceUserQuery',
      form,
      which: 'query',
      read: readDeviceUserAnswer,
      call,
    });
    if (!run.ok) return run;
    if (run.answer.outcome === 'failure')
      return { ...run.meta, ok: false, failure: this.#failureOf(run.answer) };
    return { ...run.meta, ok: true, devices: run.answer.devices.map((d) => this.#cleanDevice(d)) };
  }

  async deviceUser(deviceName: string, call: EmCall = {}): Promise<DeviceUserOutcome> {
    const outcome = await this.deviceUsers([deviceName], call);
    if (!outcome.ok) return outcome;
    const device = findDevice(outcome.devices, deviceName);
    if (device !== undefined) return { ...pickMeta(outcome), ok: true, device };
    const description = `EM query answer does not mention ${deviceName}`;
    return { ...pickMeta(outcome), ok: false, failure: { kind: 'unreadable', description } };
  }

  async userDevices(userId: string, call: EmCall = {}): Promise<UserDevicesOutcome> {
    const form = requests.formBody(requests.userDevicesQuery(this.#credentials, userId));
    const run = await this.#run({
      operation: 'userDevicesQuery',
      form,
      which: 'query',
      read: readUserDevicesAnswer,
      call,
    });
    if (!run.ok) return run;
    if (run.answer.outcome === 'failure')
      return { ...run.meta, ok: false, failure: this.#failureOf(run.answer) };
    const { state, deviceNames } = run.answer;
    return { ...run.meta, ok: true, state, deviceNames: deviceNames.map(this.#scrub) };
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** `form` is the POST body, as `requests.formBody` writes it. */
  async #action(operation: EmOperation, form: string, call: EmCall): Promise<ActionOutcome> {
    return this.#actionOutcome(await this.#runAction(operation, form, call));
  }

  #runAction(operation: EmOperation, form: string, call: EmCall) {
    return this.#run({ operation, form, which: 'request', read: readActionAnswer, call });
  }

  #actionOutcome(run: RunResult<ActionAnswer>): ActionOutcome {
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
  async #run<T extends Answer>(job: Job<T>): Promise<RunResult<T>> {
    const deadline = startDeadline(this.#timeoutMs);
    try {
      return await this.#attempts(job, deadline);
    } finally {
      deadline.clear();
    }
  }

  async #attempts<T extends Answer>(job: Job<T>, deadline: Deadline): Promise<RunResult<T>> {
    const { operation, form, which, read, call } = job;
    const startedAt = this.#now();
    const { signal } = deadline;
    const options: ExchangeOptions = {
      dispatcher: this.#dispatcher,
      deadline,
      maxAnswerBytes: this.#maxAnswerBytes,
      breaker: this.#breaker,
    };
    let attempts = 0;
    let node: string | undefined;
    // What the last retry was for. When the deadline cuts a retry short, that
    // busy answer or reset is the outcome, not a timeout that retrying caused.
    let retried: { answer: T } | { failure: EmFailure } | undefined;
    // Whether an earlier attempt reached CUCM and lost its answer to a reset.
    let afterReset = false;
    for (;;) {
      attempts += 1;
      const attemptAt = this.#now();
      const report = (event: Omit<AttemptEvent, 'operation' | 'attempt' | 'durationMs'>) =>
        this.#report({
          operation,
          attempt: attempts,
          durationMs: this.#now() - attemptAt,
          ...event,
          ...(call.context === undefined ? {} : { context: call.context }),
        });
      try {
        const result = await this.#limiter.run(
          () => exchange(this.#endpoints, which, form, read, options),
          signal,
        );
        node = result.node;
        const meta = { node, attempts, durationMs: this.#now() - startedAt };
        const busy = result.answer.outcome === 'failure' && result.answer.code === EM_CODE_BUSY;
        const emCode = result.answer.outcome === 'failure' ? (result.answer.code ?? 0) : undefined;
        const outcome = result.answer.outcome === 'failure' ? 'em-failure' : 'success';
        report({ node, result: outcome, emCode, willRetry: busy && this.#retryBusy });
        if (!busy) return { ok: true, answer: result.answer, meta, afterReset };
        if (!this.#retryBusy || !(await this.#pause(attempts, signal))) {
          return { ok: true, answer: result.answer, meta, afterReset };
        }
        retried = { answer: result.answer };
      } catch (error) {
        if (signal.aborted && retried !== undefined) {
          // The attempt the deadline cut short was counted by the exchange (a timeout).
          report({ node: nodeOf(error), result: 'timeout', emCode: undefined, willRetry: false });
          const meta = { node, attempts, durationMs: this.#now() - startedAt };
          if ('answer' in retried) return { ok: true, answer: retried.answer, meta, afterReset };
          return { ok: false, failure: retried.failure, ...meta };
        }
        const failure = this.#cleanFailure(
          errorFailure(
            signal.aborted
              ? new EmTimeoutError(this.#nodeUrl(which), this.#timeoutMs, { cause: error })
              : error,
          ),
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
        afterReset = true;
      }
    }
  }

  /** CUCM's failure, its text cleaned of the password it may quote back. */
  #failureOf(answer: EmFailureAnswer): EmFailure {
    return emAnswerFailure({ ...answer, message: this.#scrub(answer.message) });
  }

  /** A failure of ours can quote the answer too (a parse error names its elements). */
  #cleanFailure(failure: EmFailure): EmFailure {
    return { ...failure, description: this.#scrub(failure.description) };
  }

  /** Every text of a query answer goes to screens and logs: none may carry the password. */
  #cleanDevice(device: DeviceUser): DeviceUser {
    const lastLogin = device.lastLogin === undefined ? undefined : this.#scrub(device.lastLogin);
    if (device.state !== 'logged-in') return { ...device, lastLogin };
    return { ...device, lastLogin, userId: this.#scrub(device.userId) };
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
}

/** What every EM answer reader returns: a success of its kind, or CUCM's failure. */
type Answer = { outcome: string; code?: number | undefined };

/** One EM operation to run: its form body, where it goes, and how its answer is read. */
interface Job<T extends Answer> {
  readonly operation: EmOperation;
  readonly form: string;
  readonly which: 'request' | 'query';
  readonly read: (root: XmlNode) => T | undefined;
  readonly call: EmCall;
}

type RunResult<T> =
  | { ok: true; answer: T; meta: Outcome; afterReset: boolean }
  | (Outcome & { ok: false; failure: EmFailure });

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
