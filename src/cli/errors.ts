import { EXIT } from './exit-codes.js';

/**
 * Base of the errors that end a command before or instead of its work. `code` is
 * stable for scripts (it appears in --json output); `problems` lists each thing
 * to fix when there are several.
 */
export class CliError extends Error {
  override name = 'CliError';
  readonly code: string;
  readonly exitCode: number;
  readonly problems: readonly string[];

  constructor(code: string, message: string, problems: readonly string[] = []) {
    super(message);
    this.code = code;
    this.exitCode = EXIT.usage;
    this.problems = problems;
  }
}

export function isCliError(value: unknown): value is CliError {
  return value instanceof CliError;
}

/** Arguments or flags that cannot work together or cannot be read. */
export class CliUsageError extends CliError {
  override name = 'CliUsageError';

  constructor(message: string, problems: readonly string[] = []) {
    super('CLI_USAGE', message, problems);
  }
}

/** The EM settings (environment and flags) are missing or invalid. */
export class CliConfigError extends CliError {
  override name = 'CliConfigError';

  constructor(message: string, problems: readonly string[] = []) {
    super('CLI_CONFIG', message, problems);
  }
}

/** An input or report file cannot be read, is not what it should be, or is in the way. */
export class CliInputError extends CliError {
  override name = 'CliInputError';
  readonly path: string;

  constructor(path: string, message: string, problems: readonly string[] = []) {
    super('CLI_INPUT', message, problems);
    this.path = path;
  }
}
