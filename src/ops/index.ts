import type { Logger } from '../logger.js';
import { emAttemptObserver } from './em-observer.js';
import { ServiceMetrics } from './metrics.js';

export { ServiceMetrics } from './metrics.js';
export { ReadinessProbe, type Readiness } from './readiness.js';
export { emCallOf, factsOf, requestLog, requestOf, type RequestContext } from './request-log.js';

/** Metrics and the EM attempt observer that feeds them and the log; made before the EM client. */
export function createOps(logger: Logger) {
  const metrics = new ServiceMetrics();
  return { metrics, onAttempt: emAttemptObserver(logger, metrics) };
}
