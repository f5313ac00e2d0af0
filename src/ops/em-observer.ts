import type { AttemptEvent } from '../em/attempt-event.js';
import type { Logger } from '../logger.js';
import type { ServiceMetrics } from './metrics.js';

/** One log line and the metrics for every EM attempt, under the request that caused it. */
export function emAttemptObserver(logger: Logger, metrics: ServiceMetrics) {
  return function observeEmAttempt(event: AttemptEvent): void {
    metrics.observeAttempt(event);
    const level = event.result === 'success' || event.result === 'em-failure' ? 'info' : 'warn';
    const { context, ...em } = event;
    logger[level]({ ...context, em }, 'em attempt');
  };
}
