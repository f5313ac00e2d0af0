/**
 * Base of the errors the bulk engine raises. `code` is stable; callers decide on
 * it, never on the message.
 */
export class BulkError extends Error {
  override name = 'BulkError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isBulkError(value: unknown): value is BulkError {
  return value instanceof BulkError;
}

/** An engine option is out of range: nothing was sent. */
export class BulkOptionError extends BulkError {
  override name = 'BulkOptionError';
  readonly option: string;

  constructor(option: string, problem: string) {
    super('BULK_INVALID_OPTION', `${option} ${problem}`);
    this.option = option;
  }
}

export function isBulkOptionError(value: unknown): value is BulkOptionError {
  return value instanceof BulkOptionError;
}

/**
 * The caller's `onResult` threw (a report that cannot be written, say). The run
 * stopped sending at once; the requests already in flight were finished.
 */
export class BulkResultHandlerError extends BulkError {
  override name = 'BulkResultHandlerError';
  readonly device: string;

  constructor(device: string, cause: unknown) {
    super('BULK_RESULT_HANDLER', `handling the result of ${device} failed: ${describe(cause)}`, {
      cause,
    });
    this.device = device;
  }
}

export function isBulkResultHandlerError(value: unknown): value is BulkResultHandlerError {
  return value instanceof BulkResultHandlerError;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An input (a device CSV) that cannot be used as it is: nothing of it was sent. */
export class BulkInputError extends BulkError {
  override name = 'BulkInputError';
  /** The file or source the input came from, as the caller named it. */
  readonly source: string;

  constructor(source: string, message: string) {
    super('BULK_INPUT', message);
    this.source = source;
  }
}

export function isBulkInputError(value: unknown): value is BulkInputError {
  return value instanceof BulkInputError;
}
