/**
 * One circuit per EM node. After `threshold` network failures in a row the node is
 * skipped for `cooldownMs`, so that a phone facing a dead CUCM gets its screen at
 * once instead of waiting out the deadline; then one trial request decides whether
 * it closes again. A threshold of 0 turns the breaker off.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

interface Circuit {
  failures: number;
  openedAt: number | undefined;
  trialInFlight: boolean;
}

export interface BreakerOptions {
  readonly threshold: number;
  readonly cooldownMs: number;
  readonly now?: () => number;
}

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  readonly #circuits = new Map<string, Circuit>();

  constructor(options: BreakerOptions) {
    this.#threshold = options.threshold;
    this.#cooldownMs = options.cooldownMs;
    this.#now = options.now ?? Date.now;
  }

  /** May a request go to this node now? A true for an open circuit starts its trial. */
  canTry(node: string): boolean {
    const circuit = this.#circuits.get(node);
    if (circuit?.openedAt === undefined) return true;
    if (circuit.trialInFlight || this.#now() - circuit.openedAt < this.#cooldownMs) return false;
    circuit.trialInFlight = true;
    return true;
  }

  success(node: string): void {
    this.#circuits.delete(node);
  }

  failure(node: string): void {
    if (this.#threshold === 0) return;
    const circuit = this.#circuit(node);
    circuit.failures += 1;
    if (circuit.trialInFlight || circuit.failures >= this.#threshold) {
      circuit.openedAt = this.#now();
      circuit.trialInFlight = false;
    }
  }

  state(node: string): CircuitState {
    const circuit = this.#circuits.get(node);
    if (circuit?.openedAt === undefined) return 'closed';
    if (circuit.trialInFlight) return 'half-open';
    return this.#now() - circuit.openedAt < this.#cooldownMs ? 'open' : 'half-open';
  }

  #circuit(node: string): Circuit {
    let circuit = this.#circuits.get(node);
    if (circuit === undefined) {
      circuit = { failures: 0, openedAt: undefined, trialInFlight: false };
      this.#circuits.set(node, circuit);
    }
    return circuit;
  }
}
