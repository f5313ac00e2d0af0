import { Router } from 'express';
import type { ServiceMetrics } from '../ops/metrics.js';
import type { ReadinessProbe } from '../ops/readiness.js';

export interface OpsRoutesOptions {
  readonly metrics: ServiceMetrics;
  readonly readiness: ReadinessProbe;
}

/** For machines, not phones: liveness, readiness and Prometheus metrics. */
export function opsRoutes(options: OpsRoutesOptions): Router {
  const router = Router();

  router.get('/healthz', function healthz(_req, res) {
    res.status(200).json({ status: 'ok' });
  });

  router.get('/readyz', async function readyz(_req, res) {
    const readiness = await options.readiness.check();
    res.status(readiness.ready ? 200 : 503).json({
      status: readiness.ready ? 'ready' : 'not-ready',
      ...readiness,
    });
  });

  router.get('/metrics', async function metrics(_req, res) {
    const body = await options.metrics.registry.metrics();
    res.status(200).set('Content-Type', options.metrics.registry.contentType).send(body);
  });

  return router;
}
