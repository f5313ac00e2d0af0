import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AttemptEvent } from '../em/attempt-event.js';
import { documentedEmCodes } from '../em/index.js';

export interface EmLoad {
  readonly load: { readonly active: number; readonly queued: number };
  circuits(): Record<string, string>;
}

/**
 * The service's Prometheus metrics, in a registry of its own so that several apps
 * (tests, benchmarks) never share counters.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #logouts: Counter<'outcome' | 'em_code'>;
  readonly #emDuration: Histogram<'node' | 'operation' | 'result'>;
  readonly #retries: Counter<'operation' | 'reason'>;
  readonly #phoneRequests: Counter<'route' | 'family'>;
  #em: EmLoad | undefined;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.#logouts = new Counter({
      name: 'em_logout_logouts_total',
      help: 'EM logouts by final outcome and EM code (0 when CUCM gave none)',
      labelNames: ['outcome', 'em_code'],
      registers,
    });
    this.#emDuration = new Histogram({
      name: 'em_logout_em_request_duration_seconds',
      help: 'Duration of one EM request attempt, by node, operation and result',
      labelNames: ['node', 'operation', 'result'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers,
    });
    this.#retries = new Counter({
      name: 'em_logout_em_retries_total',
      help: 'EM attempts that are retried, by reason (busy = code 26, reset)',
      labelNames: ['operation', 'reason'],
      registers,
    });
    this.#phoneRequests = new Counter({
      name: 'em_logout_phone_requests_total',
      help: 'Phone requests by route and phone family',
      labelNames: ['route', 'family'],
      registers,
    });
    this.#loadGauges(registers);
  }

  /** The EM client whose queue and circuits the gauges read at scrape time. */
  watch(em: EmLoad): void {
    this.#em = em;
  }

  observeAttempt(event: AttemptEvent): void {
    const node = event.node ?? 'none';
    this.#emDuration.observe(
      { node, operation: event.operation, result: event.result },
      event.durationMs / 1000,
    );
    if (event.willRetry) {
      const reason = event.result === 'em-failure' ? 'busy' : 'reset';
      this.#retries.inc({ operation: event.operation, reason });
      return;
    }
    if (event.operation === 'logout') {
      this.#logouts.inc({ outcome: logoutOutcome(event), em_code: codeLabel(event.emCode) });
    }
  }

  countPhoneRequest(route: string, family: string): void {
    this.#phoneRequests.inc({ route, family });
  }

  #loadGauges(registers: Registry[]): void {
    const metrics = () => this.#em;
    new Gauge({
      name: 'em_logout_em_requests_in_flight',
      help: 'EM requests being sent now',
      registers,
      collect() {
        this.set(metrics()?.load.active ?? 0);
      },
    });
    new Gauge({
      name: 'em_logout_em_requests_queued',
      help: 'EM requests waiting for a free slot (EM_MAX_CONCURRENCY)',
      registers,
      collect() {
        this.set(metrics()?.load.queued ?? 0);
      },
    });
    new Gauge({
      name: 'em_logout_em_circuit_open',
      help: '1 while a node is skipped after repeated network failures',
      labelNames: ['node'],
      registers,
      collect() {
        for (const [node, state] of Object.entries(metrics()?.circuits() ?? {})) {
          this.set({ node }, state === 'closed' ? 0 : 1);
        }
      },
    });
  }
}

function logoutOutcome(event: AttemptEvent): string {
  if (event.result === 'success') return 'logged_out';
  if (event.result === 'em-failure' && event.emCode === 19) return 'nobody_logged_in';
  return 'failed';
}

const DOCUMENTED = new Set(documentedEmCodes.map((info) => String(info.code)));

/** Undocumented codes share one label: a CUCM answering random codes must not grow the registry. */
function codeLabel(code: number | undefined): string {
  const label = String(code ?? 0);
  return DOCUMENTED.has(label) ? label : 'other';
}
