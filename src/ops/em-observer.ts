import type { AttemptEvent } from '../em/attempt-event.js';
import type { Logger } from '../logger.js';
import type { ServiceMetrics } from './metrics.js';
import { currentLogger } from './request-context.js';

/** One log line and the metrics for every EM attempt, under the request that caused it. */
export function emAttemptObserver(logger: Logger, metrics: ServiceMetrics) {
  return function observeEmAttempt(event: AttemptEvent): void {
    metrics.observeAttempt(event);
    const level = event.result === 'success' || event.result === 'em-failure' ? 'info' : 'warn';
    currentLogger(logger)[level]({ em: event }, 'em attempt');
  };
}
