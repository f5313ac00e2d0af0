import { CommanderError } from 'commander';
import { isBulkError } from '../bulk/index.js';
import { isBulkInputError } from '../bulk/errors.js';
import { CliUsageError, isCliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { Output } from './output.js';
import { buildProgram } from './program.js';

/**
 * Runs one em-logout command line and resolves to its exit status; never rejects
 * and never exits the process, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io, wantsJson(argv));
  try {
    refusePasswordFlag(argv);
    let exitCode: number = EXIT.ok;
    const program = buildProgram(io, out, (code) => {
      exitCode = code;
    });
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, out);
  }
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** A password given as a flag is refused by name, and its value never repeated. */
function refusePasswordFlag(argv: readonly string[]): void {
  const flag = argv.find((arg) => /^--(app-certificate|password|app-password)(=|$)/.test(arg));
  if (flag === undefined) return;
  throw new CliUsageError(
    `${flag.split('=')[0]} is not an option: a password given as a flag shows in shell history ` +
      'and ps. Set EM_APP_CERTIFICATE or EM_APP_CERTIFICATE_FILE, or pass --app-certificate-file PATH.',
  );
}

function reportError(error: unknown, out: Output): number {
  if (error instanceof CommanderError) {
    // Help asked for (--help, `help bulk`) ends with 0; help shown for a mistake does not.
    if (error.exitCode === 0) return EXIT.ok;
    // Commander has printed its message and the usage hint already.
    out.document({ error: { code: 'CLI_USAGE', message: error.message, problems: [] } });
    return EXIT.usage;
  }
  if (isBulkInputError(error)) {
    // For scripts an unusable input file is one kind of error, wherever it was found.
    out.error(error.message);
    out.document({ error: { code: 'CLI_INPUT', message: error.message, problems: [] } });
    return EXIT.usage;
  }
  if (isCliError(error)) {
    out.error(error.message);
    out.document({
      error: { code: error.code, message: error.message, problems: error.problems },
    });
    return error.exitCode;
  }
  // A report that cannot be written mid-run, or a bug: the work stopped part-way.
  const code = isBulkError(error) ? error.code : 'CLI_INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  out.error(code === 'CLI_INTERNAL' ? `unexpected error: ${message}` : message);
  out.document({ error: { code, message, problems: [] } });
  return EXIT.failed;
}
