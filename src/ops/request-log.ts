import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { EmCall } from '../em/index.js';
import type { Logger } from '../logger.js';

/** What a handler learned that belongs on the request's log line. */
export interface RequestFacts {
  device?: string;
  user?: string;
  outcome?: string;
  emCode?: number;
  model?: string;
  family?: string;
}

/** The request being served: its id, and a logger that carries it. */
export interface RequestContext {
  readonly reqId: string;
  readonly log: Logger;
}

interface RequestLocals {
  facts?: RequestFacts;
  request?: RequestContext;
}

export function factsOf(res: Response): RequestFacts {
  const locals = res.locals as RequestLocals;
  locals.facts ??= {};
  return locals.facts;
}

/**
 * The request's id and logger, as the request log set them; outside it (a router
 * tested alone) the given logger and no id. Handed on by value rather than through
 * AsyncLocalStorage, which on Node 20 slows every promise of the process.
 */
export function requestOf(res: Response, fallback: Logger): { reqId?: string; log: Logger } {
  return (res.locals as RequestLocals).request ?? { log: fallback };
}

/** The EM call options that tie an EM operation's attempt logs to this request. */
export function emCallOf(res: Response): EmCall {
  const reqId = (res.locals as RequestLocals).request?.reqId;
  return reqId === undefined ? {} : { context: { reqId } };
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
    const startedAt = process.hrtime.bigint();
    let log: Logger | undefined;
    // Made on first use: most requests log only their closing line.
    const request: RequestContext = {
      reqId,
      get log() {
        return (log ??= logger.child({ reqId }));
      },
    };
    (res.locals as RequestLocals).request = request;
    res.setHeader('X-Request-Id', reqId);
    res.on('finish', () => {
      if (!logger.isLevelEnabled('info')) return;
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      request.log.info(
        {
          method: req.method,
          // The whole path: a router mounted at /api or /admin sees only its own part.
          path: req.originalUrl.split('?', 1)[0],
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          ...factsOf(res),
        },
        'request',
      );
    });
    next();
  };
}
