import type { Request, RequestHandler, Response } from 'express';
import type { AttemptLimit } from './context.js';

export const ATTEMPT_DEFAULTS: AttemptLimit = { windowMs: 15 * 60 * 1000, limit: 10 };

/** Sources remembered at once; beyond it the oldest entries go first. */
const SOURCES_MAX = 10_000;

interface Misses {
  count: number;
  resetAt: number;
}

/**
 * Counts refused credentials (answers with status 401) per source address and,
 * once a source has `limit` of them in a window, refuses it whatever it sends
 * until the window ends. Only misses count: a client making many correct
 * requests at once is never slowed (a general request limiter counts requests
 * in flight, and so would refuse a burst of good ones).
 */
export function attemptLimiter(
  limit: AttemptLimit,
  refuse: (req: Request, res: Response, retryAfterSeconds: number) => void,
  now: () => number = Date.now,
): RequestHandler {
  const misses = new Map<string, Misses>();

  return function limitAttempts(req, res, next) {
    const source = req.ip ?? 'unknown';
    const at = now();
    const entry = misses.get(source);
    if (entry !== undefined && entry.resetAt <= at) misses.delete(source);
    const current = misses.get(source);
    if (current !== undefined && current.count >= limit.limit) {
      const retryAfter = Math.max(1, Math.ceil((current.resetAt - at) / 1000));
      res.set('Retry-After', String(retryAfter));
      return refuse(req, res, retryAfter);
    }
    res.on('finish', () => {
      if (res.statusCode === 401) countMiss(misses, source, now(), limit.windowMs);
    });
    next();
  };
}

function countMiss(misses: Map<string, Misses>, source: string, at: number, windowMs: number) {
  const entry = misses.get(source);
  if (entry !== undefined && entry.resetAt > at) {
    entry.count += 1;
    return;
  }
  misses.delete(source);
  misses.set(source, { count: 1, resetAt: at + windowMs });
  for (const [key, old] of misses) {
    if (misses.size <= SOURCES_MAX && old.resetAt > at) break;
    misses.delete(key);
  }
}
