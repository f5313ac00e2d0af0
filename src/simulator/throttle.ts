/**
 * CUCM's "Maximum Concurrent Requests": a fixed number of slots for EM
 * login/logout operations. A request that finds them all taken is refused
 * at once (code 26) rather than queued.
 */
export class OperationSlots {
  readonly #limit: number;
  #inFlight = 0;
  #maxInFlight = 0;
  #refused = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Takes a slot if one is free; false (and counted) when all are taken. */
  tryAcquire(): boolean {
    if (this.#inFlight >= this.#limit) {
      this.#refused += 1;
      return false;
    }
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    return true;
  }

  release(): void {
    this.#inFlight -= 1;
  }

  /** The most slots ever held at once (never above the limit). */
  get maxInFlight(): number {
    return this.#maxInFlight;
  }

  /** How many operations were refused with code 26. */
  get refused(): number {
    return this.#refused;
  }
}
