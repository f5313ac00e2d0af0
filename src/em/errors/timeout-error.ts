import { EmError } from './em-error.js';

/** The EM service did not answer within the deadline. */
export class EmTimeoutError extends EmError {
  override name = 'EmTimeoutError';
  readonly url: string;
  readonly timeoutMs: number;

  constructor(url: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('EM_TIMEOUT', `EM service did not answer within ${timeoutMs} ms: POST ${url}`, options);
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

export function isEmTimeoutError(value: unknown): value is EmTimeoutError {
  return value instanceof EmTimeoutError;
}
