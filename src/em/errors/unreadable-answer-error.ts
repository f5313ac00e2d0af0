import { EmError } from './em-error.js';

/** HTTP 200 came back, but the body is not an EM answer we can read. */
export class EmUnreadableAnswerError extends EmError {
  override name = 'EmUnreadableAnswerError';
  readonly url: string;

  constructor(url: string, problem: string, options?: { cause?: unknown }) {
    super('EM_UNREADABLE', `EM service answer is unreadable (${problem}): POST ${url}`, options);
    this.url = url;
  }
}

export function isEmUnreadableAnswerError(value: unknown): value is EmUnreadableAnswerError {
  return value instanceof EmUnreadableAnswerError;
}
