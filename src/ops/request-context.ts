import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.js';

/**
 * The request a piece of work belongs to, without threading it through every call:
 * EM attempts made while serving a phone request log with that request's id.
 */
export interface RequestContext {
  readonly reqId: string;
  readonly log: Logger;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The current request's logger, or the given one outside any request (CLI, probes). */
export function currentLogger(fallback: Logger): Logger {
  return storage.getStore()?.log ?? fallback;
}
