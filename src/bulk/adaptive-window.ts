import { BulkOptionError } from './errors.js';

/** Multiplicative decrease when CUCM says busy and the in-flight count gives no tighter bound. */
const DECREASE = 0.8;

/** How much slower the window grows once it is one step below the level CUCM refused. */
const PROBE_SLOWDOWN = 8;

/**
 * How many EM operations to keep in flight: additive increase, multiplicative
 * decrease (AIMD), tuned to CUCM's throttle.
 *
 * CUCM's "Maximum Concurrent Requests" is a fixed number of slots, and a refusal
 * (code 26) costs it almost nothing. So a refusal of a request sent with `n` in
 * flight says the free slots were fewer than `n`: the window drops to `n - 1`
 * (or by the factor DECREASE, whichever is lower), and remembers `n` as the
 * ceiling. Below the ceiling the window grows by one per window of successes;
 * next to it, eight times slower, so it probes the ceiling about once every
 * eight rounds and so finds spare capacity again (another client stopped) at
 * the cost of one cheap refusal per probe.
 */
export class AdaptiveWindow {
  readonly #max: number;
  #limit: number;
  #ceiling: number | undefined;
  #sent = 0;
  #decreasedAfter = 0;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new BulkOptionError('maxConcurrency', `must be a positive integer, got ${max}`);
    }
    this.#max = max;
    this.#limit = max;
  }

  /** Requests that may be in flight now. */
  get size(): number {
    return Math.max(1, Math.floor(this.#limit));
  }

  /** The in-flight count CUCM last refused, while the window stays below it. */
  get ceiling(): number | undefined {
    return this.#ceiling;
  }

  /** Call as a request is sent; hand the stamp back with its answer. */
  stamp(): number {
    this.#sent += 1;
    return this.#sent;
  }

  /** CUCM took the request (whatever its verdict) without throttling it. */
  onAccepted(inFlightAtSend: number): void {
    if (this.#ceiling !== undefined && inFlightAtSend >= this.#ceiling) {
      // It took as many as it once refused: the capacity has grown.
      this.#ceiling = undefined;
    }
    const probing = this.#ceiling !== undefined && this.size + 1 >= this.#ceiling;
    const step = probing ? 1 / (PROBE_SLOWDOWN * this.#limit) : 1 / this.#limit;
    this.#limit = Math.min(this.#max, this.#limit + step);
  }

  /**
   * CUCM refused (26), or was slow enough to need retries or a timeout. Answers
   * to requests sent before the last decrease belong to the same episode and
   * are ignored, so one burst of refusals shrinks the window once.
   */
  onBusy(inFlightAtSend: number, stamp: number): void {
    if (stamp <= this.#decreasedAfter) return;

    this.#ceiling = inFlightAtSend;
    this.#limit = Math.max(1, Math.min(inFlightAtSend - 1, this.#limit * DECREASE));
    this.#decreasedAfter = this.#sent;
  }
}
