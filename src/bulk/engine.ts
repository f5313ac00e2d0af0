import { backoffDelay, type BackoffOptions } from '../em/backoff.js';
import { errorFailure } from '../em/failure.js';
import type { EmCall, LogoutOutcome } from '../em/index.js';
import { AdaptiveWindow } from './adaptive-window.js';
import { BulkOptionError, BulkResultHandlerError } from './errors.js';
import { isBusy, verdictOf, type BulkItem, type BulkOutcome, type BulkResult } from './result.js';

/** What the engine needs of an EmClient. */
export interface LogoutClient {
  logout(deviceName: string, call?: EmCall): Promise<LogoutOutcome>;
}

export interface BusyRetryOptions {
  /** Busy answers (26) one device may get before it is reported failed. Default 20. */
  readonly maxAnswers?: number;
  /** Backoff before re-sending, once the window is down to one request. */
  readonly baseMs?: number;
  readonly capMs?: number;
  readonly random?: () => number;
}

export interface BulkOptions<T extends BulkItem> {
  /** Never more requests in flight than this (EM_MAX_CONCURRENCY). */
  readonly maxConcurrency: number;
  /** Aborting stops sending; requests in flight finish and are reported. */
  readonly signal?: AbortSignal | undefined;
  /** Called once per device, as its final answer arrives. Throwing stops the run. */
  readonly onResult?: ((result: BulkResult<T>, status: BulkStatus) => void) | undefined;
  readonly busyRetry?: BusyRetryOptions | undefined;
  /** Given with every logout: what the run serves, for the EM client's logs. */
  readonly call?: EmCall | undefined;
  readonly now?: (() => number) | undefined;
}

/** The run as one result arrives, for a live display. */
export interface BulkStatus {
  readonly done: number;
  readonly inFlight: number;
  readonly window: number;
  readonly busyAnswers: number;
}

export interface BulkSummary {
  readonly counts: Readonly<Record<BulkOutcome, number>>;
  /** Devices reported through onResult. */
  readonly done: number;
  readonly interrupted: boolean;
  readonly elapsedMs: number;
  /** Code 26 answers received (each was retried unless the device ran out of tries). */
  readonly busyAnswers: number;
  readonly maxInFlight: number;
  /** The window when the run ended. */
  readonly window: number;
  /** Devices refused with 26 and waiting for another try when the run was stopped. */
  readonly abandoned: number;
}

const BUSY_DEFAULTS = { maxAnswers: 20, baseMs: 100, capMs: 2000 };

interface Entry<T extends BulkItem> {
  readonly item: T;
  attempts: number;
  busy: number;
  startedAt: number | undefined;
}

/**
 * Logs out every device of `items` at the pace CUCM allows: at most
 * `maxConcurrency` requests in flight, fewer while CUCM answers busy (see
 * AdaptiveWindow). A device refused with 26 is sent again before any new one;
 * 19 (nobody logged in) counts as done. Works with any EmClient; one built with
 * `retryBusy: false` lets the window see every refusal as it happens.
 *
 * Resolves once the items are exhausted, or the signal aborted and the requests
 * in flight finished; rejects with BulkResultHandlerError when onResult threw.
 */
export async function runBulkLogout<T extends BulkItem>(
  client: LogoutClient,
  items: Iterable<T> | AsyncIterable<T>,
  options: BulkOptions<T>,
): Promise<BulkSummary> {
  return new LogoutRun(client, options).run(items);
}

class LogoutRun<T extends BulkItem> {
  readonly #client: LogoutClient;
  readonly #options: BulkOptions<T>;
  readonly #window: AdaptiveWindow;
  readonly #backoff: BackoffOptions;
  readonly #maxBusyAnswers: number;
  readonly #now: () => number;
  /** Devices due to be sent, refused ones first. */
  readonly #ready: Entry<T>[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #running = new Set<Promise<void>>();
  readonly #counts: Record<BulkOutcome, number> = { 'logged-out': 0, nobody: 0, failed: 0 };
  #inFlight = 0;
  #maxInFlight = 0;
  #busyAnswers = 0;
  #abandoned = 0;
  #handlerError: BulkResultHandlerError | undefined;
  /** True once every item was taken from the source. */
  #exhausted = false;
  #wakeUp: (() => void) | undefined;
  /** An async source's read still pending when the scheduler was woken for something else. */
  #pendingRead: Promise<IteratorResult<T>> | undefined;

  constructor(client: LogoutClient, options: BulkOptions<T>) {
    const given = options.busyRetry;
    const busy = {
      maxAnswers: given?.maxAnswers ?? BUSY_DEFAULTS.maxAnswers,
      baseMs: given?.baseMs ?? BUSY_DEFAULTS.baseMs,
      capMs: given?.capMs ?? BUSY_DEFAULTS.capMs,
      random: given?.random,
    };
    if (!Number.isInteger(busy.maxAnswers) || busy.maxAnswers < 1) {
      const got = String(busy.maxAnswers);
      throw new BulkOptionError('busyRetry.maxAnswers', `must be a positive integer, got ${got}`);
    }
    this.#client = client;
    this.#options = options;
    this.#window = new AdaptiveWindow(options.maxConcurrency);
    this.#backoff = { baseMs: busy.baseMs, capMs: busy.capMs, random: busy.random };
    this.#maxBusyAnswers = busy.maxAnswers;
    this.#now = options.now ?? (() => performance.now());
  }

  async run(items: Iterable<T> | AsyncIterable<T>): Promise<BulkSummary> {
    const startedAt = this.#now();
    const source = sourceOf(items);
    const onAbort = (): void => this.#wake();
    this.#options.signal?.addEventListener('abort', onAbort);

    let sourceError: unknown;
    try {
      await this.#schedule(source);
    } catch (error) {
      sourceError = error;
    } finally {
      this.#options.signal?.removeEventListener('abort', onAbort);
    }
    await this.#finish(source);

    if (sourceError !== undefined) throw sourceError;
    if (this.#handlerError !== undefined) throw this.#handlerError;
    return this.#summary(this.#now() - startedAt);
  }

  get #stopped(): boolean {
    return this.#options.signal?.aborted === true || this.#handlerError !== undefined;
  }

  async #schedule(source: Source<T>): Promise<void> {
    while (!this.#stopped) {
      if (this.#ready.length === 0 && !this.#exhausted) {
        // A list is read without waiting: the first requests leave before runBulkLogout returns.
        const next = source.sync ? source.iterator.next() : await this.#read(source.iterator);
        if (next === undefined) continue;
        if (next.done === true) this.#exhausted = true;
        else this.#ready.push({ item: next.value, attempts: 0, busy: 0, startedAt: undefined });
        continue;
      }
      const idle = this.#inFlight === 0 && this.#timers.size === 0;
      if (this.#ready.length === 0 && idle) return;

      const entry = this.#inFlight < this.#window.size ? this.#ready.shift() : undefined;
      if (entry === undefined) await this.#nextEvent();
      else this.#launch(entry);
    }
  }

  /**
   * The async source's next item, or undefined when something else wakes the
   * scheduler first (an abort, a finished request): a slow source never delays
   * an abort. A read cut short stays pending and is taken up on the next call.
   */
  async #read(iterator: AsyncIterator<T>): Promise<IteratorResult<T> | undefined> {
    const read = (this.#pendingRead ??= iterator.next());
    const woken = this.#nextEvent().then(() => undefined);
    const result = await Promise.race([read, woken]);
    if (result !== undefined) this.#pendingRead = undefined;
    return result;
  }

  /** Requests in flight finish and are reported; refused devices still waiting are not. */
  async #finish(source: Source<T>): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#abandoned += this.#timers.size + this.#ready.filter((entry) => entry.busy > 0).length;
    this.#timers.clear();
    // Stopped right after the last device was sent: that is not an interruption.
    if (source.sync && !this.#exhausted && this.#ready.length === 0) {
      this.#exhausted = source.iterator.next().done === true;
    }
    if (this.#pendingRead === undefined) await source.iterator.return?.();
    // A generator still producing its next item runs return() only after it: not awaited.
    else void Promise.resolve(source.iterator.return?.()).catch(() => undefined);
  }

  #launch(entry: Entry<T>): void {
    const stamp = this.#window.stamp();
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    entry.startedAt ??= this.#now();

    const task = this.#send(entry, stamp, this.#inFlight).finally(() => {
      this.#running.delete(task);
      this.#wake();
    });
    this.#running.add(task);
  }

  async #send(entry: Entry<T>, stamp: number, inFlightAtSend: number): Promise<void> {
    let outcome: LogoutOutcome;
    try {
      outcome = await this.#client.logout(entry.item.device, this.#options.call);
    } catch (error) {
      // EmClient never throws; another client might. Its text is not shown: it may hold input.
      outcome = {
        ok: false,
        failure: errorFailure(error),
        node: undefined,
        attempts: 1,
        durationMs: 0,
      };
    } finally {
      this.#inFlight -= 1;
    }
    entry.attempts += outcome.attempts;
    this.#settle(entry, outcome, stamp, inFlightAtSend);
  }

  #settle(entry: Entry<T>, outcome: LogoutOutcome, stamp: number, inFlightAtSend: number): void {
    if (isBusy(outcome)) {
      this.#busyAnswers += 1;
      const windowWas = this.#window.size;
      this.#window.onBusy(inFlightAtSend, stamp);
      entry.busy += 1;
      if (entry.busy < this.#maxBusyAnswers) {
        this.#retry(entry, windowWas);
        return;
      }
    } else if (outcome.attempts > 1 || (!outcome.ok && outcome.failure.kind === 'timeout')) {
      // A client that retries itself, or a CUCM too slow to answer: both mean slow down.
      this.#window.onBusy(inFlightAtSend, stamp);
    } else if (outcome.ok || outcome.failure.kind === 'em') {
      this.#window.onAccepted(inFlightAtSend);
    }
    this.#report(entry, outcome);
  }

  /**
   * A refused device goes first in line: the smaller window alone makes room for
   * it. Only when the window was already down to one, or the same device is
   * refused again, is someone else using CUCM's slots, and it waits.
   */
  #retry(entry: Entry<T>, windowWas: number): void {
    if (this.#stopped) {
      this.#abandoned += 1;
      return;
    }
    const delay = windowWas <= 1 || entry.busy > 1 ? backoffDelay(entry.busy, this.#backoff) : 0;
    if (delay === 0) {
      this.#ready.unshift(entry);
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (this.#stopped) this.#abandoned += 1;
      else this.#ready.unshift(entry);
      this.#wake();
    }, delay);
    this.#timers.add(timer);
  }

  #report(entry: Entry<T>, outcome: LogoutOutcome): void {
    const verdict = verdictOf(outcome);
    this.#counts[verdict.outcome] += 1;
    const result: BulkResult<T> = {
      item: entry.item,
      device: entry.item.device,
      ...verdict,
      attempts: entry.attempts,
      durationMs: Math.round(this.#now() - (entry.startedAt ?? this.#now())),
    };
    const status = {
      done: this.#counts['logged-out'] + this.#counts.nobody + this.#counts.failed,
      inFlight: this.#inFlight,
      window: this.#window.size,
      busyAnswers: this.#busyAnswers,
    };
    try {
      this.#options.onResult?.(result, status);
    } catch (error) {
      this.#handlerError ??= new BulkResultHandlerError(entry.item.device, error);
    }
  }

  #nextEvent(): Promise<void> {
    return new Promise((resolve) => {
      this.#wakeUp = resolve;
    });
  }

  #wake(): void {
    const wakeUp = this.#wakeUp;
    this.#wakeUp = undefined;
    wakeUp?.();
  }

  #summary(elapsedMs: number): BulkSummary {
    const counts = { ...this.#counts };
    return {
      counts,
      done: counts['logged-out'] + counts.nobody + counts.failed,
      // An abort that comes after the last device is not an interruption.
      interrupted: !this.#exhausted || this.#ready.length > 0 || this.#abandoned > 0,
      elapsedMs: Math.round(elapsedMs),
      busyAnswers: this.#busyAnswers,
      maxInFlight: this.#maxInFlight,
      window: this.#window.size,
      abandoned: this.#abandoned,
    };
  }
}

type Source<T> =
  | { readonly sync: true; readonly iterator: Iterator<T> }
  | { readonly sync: false; readonly iterator: AsyncIterator<T> };

function sourceOf<T>(items: Iterable<T> | AsyncIterable<T>): Source<T> {
  if (Symbol.asyncIterator in items) {
    return { sync: false, iterator: items[Symbol.asyncIterator]() };
  }
  return { sync: true, iterator: items[Symbol.iterator]() };
}
