import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { runInRequest } from './request-context.js';

/** What a handler learned that belongs on the request's log line. */
export interface RequestFacts {
  device?: string;
  user?: string;
  outcome?: string;
  emCode?: number;
  model?: string;
  family?: string;
}

export function factsOf(res: Response): RequestFacts {
  const locals = res.locals as { facts?: RequestFacts };
  locals.facts ??= {};
  return locals.facts;
}

/** An id a proxy may hand us, if it looks like one; anything else is replaced. */
function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * One structured line per request when it ends, and a child logger carrying the
 * request id for everything logged while it is served.
 */
export function requestLog(logger: Logger) {
  return function logRequest(req: Request, res: Response, next: NextFunction) {
    const reqId = requestIdOf(req);
    const log = logger.child({ reqId });
    const startedAt = process.hrtime.bigint();
    res.setHeader('X-Request-Id', reqId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      log.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          ...factsOf(res),
        },
        'request',
      );
    });
    runInRequest({ reqId, log }, next);
  };
}
