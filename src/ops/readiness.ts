import type { DeviceUserOutcome } from '../em/index.js';

export interface Readiness {
  readonly ready: boolean;
  readonly checkedAt: string;
  readonly node: string | undefined;
  readonly reason: string | undefined;
  readonly warnings: readonly string[];
}

export interface ReadinessOptions {
  readonly cacheMs: number;
  readonly warnings: readonly string[];
  readonly now?: () => number;
}

/** A device name no phone can have: the cheapest question CUCM must authenticate. */
const PROBE_DEVICE = 'SEP000000000000';

/**
 * Is CUCM's EM service answering and accepting our application user? Asked with
 * one deviceUserQuery, shared by concurrent probes and reused for `cacheMs`, so
 * that load balancer probes cannot flood CUCM.
 */
export class ReadinessProbe {
  readonly #ask: (device: string) => Promise<DeviceUserOutcome>;
  readonly #options: ReadinessOptions;
  readonly #now: () => number;
  #last: { at: number; readiness: Readiness } | undefined;
  #running: Promise<Readiness> | undefined;

  constructor(ask: (device: string) => Promise<DeviceUserOutcome>, options: ReadinessOptions) {
    this.#ask = ask;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  check(): Promise<Readiness> {
    const last = this.#last;
    if (last !== undefined && this.#now() - last.at < this.#options.cacheMs) {
      return Promise.resolve(last.readiness);
    }
    this.#running ??= this.#probe().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #probe(): Promise<Readiness> {
    const outcome = await this.#ask(PROBE_DEVICE);
    const at = this.#now();
    const readiness: Readiness = {
      ready: outcome.ok,
      checkedAt: new Date(at).toISOString(),
      node: outcome.node,
      reason: outcome.ok ? undefined : outcome.failure.description,
      warnings: this.#options.warnings,
    };
    this.#last = { at, readiness };
    return readiness;
  }
}
