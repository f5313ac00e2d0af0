import { Agent, type Dispatcher } from 'undici';
import type { AttemptEvent } from './attempt-event.js';
import type { AppCredentials } from './credentials.js';
import type { EmEndpoint } from './endpoint.js';

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

export const CLIENT_DEFAULTS = {
  timeoutMs: 5000,
  maxConcurrency: 5,
  maxAnswerBytes: 256 * 1024,
  rememberLogoutMs: 60_000,
  retryBaseMs: 100,
  retryCapMs: 1000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

/** Options are checked once, here, so that a wrong one fails loudly at start-up. */
export function checkOptions(options: EmClientOptions): void {
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

/** One pool per node, at most `connections` sockets each, kept alive between requests. */
export function createDispatcher(connections: number, tls: EmClientOptions['tls']): Dispatcher {
  return new Agent({
    connections,
    keepAliveTimeout: 10_000,
    connect: {
      ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
    },
  });
}
