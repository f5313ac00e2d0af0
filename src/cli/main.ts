import { EXIT } from './exit-codes.js';
import { runCli } from './run.js';

/**
 * The em-logout executable. The first Ctrl-C stops sending and lets requests in
 * flight finish (so each lands in the report); the second quits at once.
 */
const interrupt = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  if (interrupts > 1) {
    process.stderr.write(
      '\nem-logout: stopped at once; answers still in flight are not in the report\n',
    );
    process.exit(EXIT.interrupted);
  }
  process.stderr.write(
    '\nem-logout: stopping: requests in flight finish first (Ctrl-C again to quit at once)\n',
  );
  interrupt.abort();
});

// A reader that goes away (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: () => process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
  now: () => new Date(),
});
