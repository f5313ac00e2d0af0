/**
 * The devices this client logged out lately, so that a second press of the key
 * (CUCM then answers "no user logged in") can show the success again. Entries
 * are kept in the order they were made: forgetting stops at the first one still
 * fresh, and each press costs only what it forgets.
 */
export class RecentLogouts {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #at = new Map<string, number>();

  constructor(ttlMs: number, now: () => number) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  remember(device: string): void {
    const now = this.#now();
    this.#at.delete(device);
    this.#at.set(device, now);
    for (const [key, at] of this.#at) {
      if (now - at <= this.#ttlMs) break;
      this.#at.delete(key);
    }
  }

  has(device: string): boolean {
    const at = this.#at.get(device);
    return at !== undefined && this.#now() - at <= this.#ttlMs;
  }
}
