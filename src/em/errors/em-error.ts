/**
 * Base of every error the EM client raises. `code` is stable and machine-readable;
 * callers decide on it, never on the message text.
 */
export class EmError extends Error {
  override name = 'EmError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isEmError(value: unknown): value is EmError {
  return value instanceof EmError;
}
