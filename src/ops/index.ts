import type { Logger } from '../logger.js';
import { emAttemptObserver } from './em-observer.js';
import { ServiceMetrics } from './metrics.js';

export { ServiceMetrics } from './metrics.js';
export { ReadinessProbe, type Readiness } from './readiness.js';
export { requestLog, factsOf } from './request-log.js';
export { currentLogger } from './request-context.js';

/** Metrics and the EM attempt observer that feeds them and the log; made before the EM client. */
export function createOps(logger: Logger) {
  const metrics = new ServiceMetrics();
  return { metrics, onAttempt: emAttemptObserver(logger, metrics) };
}
