import { toolVersion } from './tool-version.js';
import { Command } from 'commander';
import { bulkCommand, type BulkFlags } from './commands/bulk.js';
import { logoutAllCommand } from './commands/logout-all.js';
import { logoutCommand } from './commands/logout.js';
import { whereCommand } from './commands/where.js';
import { whoCommand } from './commands/who.js';
import type { CommandContext } from './context.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';
import type { ConnectionFlags } from './settings.js';

const EXAMPLES = `
Examples:
  export CUCM_HOST=cucm-pub.example.com:8443 EM_APP_ID=emlogout
  export EM_APP_CERTIFICATE_FILE=/etc/em-logout/app-password
  em-logout logout SEP001122334455
  em-logout who SEP001122334455 SEP00AABBCCDDEE --json
  em-logout where jdoe
  em-logout bulk floor3.csv --dry-run
  em-logout bulk floor3.csv --report floor3-report.csv
  em-logout bulk floor3.csv --resume floor3-report.csv     (after Ctrl-C: the rest)
  em-logout bulk - < floor3.csv
  em-logout logout-all --yes

Environment (the service's variables; a flag overrides its variable):
  CUCM_HOST            publisher(s), host or host:port, comma-separated (wins over EM_URL)
  EM_URL               EM service URL(s), e.g. https://cucm:8443/emservice/EMServiceServlet
  CUCM_VERSION         v333, other or Undefined
  EM_APP_ID            application user with Standard EM Authentication Proxy Rights
  EM_APP_CERTIFICATE   its password, or EM_APP_CERTIFICATE_FILE: a file holding it
  EM_TIMEOUT_MS        deadline of one EM operation (default 5000)
  EM_MAX_CONCURRENCY   EM operations in flight at most (default 5, CUCM's own default)
  EM_CA_FILE, EM_TLS_INSECURE   trust for CUCM's Tomcat certificate

The password is never taken as a flag: it would show in shell history and ps.
There is no simulator fallback: without CUCM_HOST or EM_URL every command stops.

Exit status: 0 all succeeded (nobody logged in counts as success), 1 some failed,
2 usage, configuration or input error (nothing sent), 130 interrupted by Ctrl-C.
`;

const BULK_HELP = `
The CSV's first line names the columns; one must be "device" (any case). Other
columns are kept in the report, whose columns are the input's, then device,
outcome (logged-out, nobody, failed, skipped), em_code, message, attempts and
duration_ms. Each row is written as its device is done. Malformed lines, invalid
names and repeats are reported by line number and never sent.

Ctrl-C stops sending; requests in flight finish and are written. A second
Ctrl-C quits at once. --resume REPORT continues that report and skips every
device it shows done (logged-out or nobody).

Pace: never more than EM_MAX_CONCURRENCY requests at once, fewer while CUCM
answers busy (code 26); refused devices are sent again.

Examples:
  em-logout bulk floor3.csv --dry-run
  em-logout bulk floor3.csv --report floor3-report.csv
  em-logout bulk floor3.csv --resume floor3-report.csv
`;

interface GlobalOptions extends ConnectionFlags {
  readonly json?: boolean;
}

/**
 * The command tree. Each action hands its exit status to `done`; errors are
 * thrown and turned into messages and statuses by runCli.
 */
export function buildProgram(io: CliIo, out: Output, done: (exitCode: number) => void): Command {
  const program = new Command('em-logout');
  const context = (): CommandContext => {
    const { json: _json, ...flags } = program.opts<GlobalOptions>();
    return { io, out, flags };
  };

  program
    .description(
      "Log people out of Cisco Extension Mobility through CUCM's EM API: " +
        "one phone, a list, or a whole floor, at CUCM's pace.",
    )
    .option('--cucm-host <host[:port],...>', 'CUCM publisher(s) (CUCM_HOST)')
    .option('--em-url <url,...>', 'EM service URL(s) (EM_URL)')
    .option('--cucm-version <release>', 'CUCM release: v333, other or Undefined (CUCM_VERSION)')
    .option('--app-id <id>', 'application user (EM_APP_ID)')
    .option(
      '--app-certificate-file <path>',
      "file holding the application user's password (EM_APP_CERTIFICATE_FILE)",
    )
    .option('--timeout-ms <ms>', 'deadline of one EM operation (EM_TIMEOUT_MS)')
    .option('--max-concurrency <n>', 'EM operations in flight at most (EM_MAX_CONCURRENCY)')
    .option('--json', 'machine-readable output on stdout')
    .version(toolVersion(), '-V, --version', "this tool's version")
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(em-logout --help shows usage and examples)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('logout')
    .description('log out the given devices')
    .argument('<device...>', 'device names, e.g. SEP001122334455')
    .action(async (devices: string[]) => done(await logoutCommand(context(), devices)));

  program
    .command('who')
    .description('show who is logged in on the given devices (50 devices per query)')
    .argument('<device...>', 'device names')
    .action(async (devices: string[]) => done(await whoCommand(context(), devices)));

  program
    .command('where')
    .description('show the devices a user is logged in on')
    .argument('<userid>', 'CUCM user id')
    .action(async (userId: string) => done(await whereCommand(context(), userId)));

  program
    .command('bulk')
    .description('log out every device of a CSV file, with a report and resume')
    .argument('<file>', 'CSV with a device column, or - for stdin')
    .option('--report <path>', 'report CSV to write (default: next to the input, time-stamped)')
    .option('--resume <report>', 'continue this report: skip the devices it shows done')
    .option('--dry-run', 'only ask who is logged in; log nobody out')
    .option('--no-progress', 'no progress bar or progress lines on stderr')
    .addHelpText('after', BULK_HELP)
    .action(async (file: string, flags: BulkFlags) =>
      done(await bulkCommand(context(), file, flags)),
    );

  program
    .command('logout-all')
    .description("CUCM's logoutAll: every device of the cluster (off-peak only; needs --yes)")
    .option('--yes', 'confirm: log out every device of the cluster')
    .action(async (options: { yes?: boolean }) => done(await logoutAllCommand(context(), options)));

  return program;
}
