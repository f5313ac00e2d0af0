// The browser tests drive Debian's Chromium (playwright-core downloads no browser).
// `npm test` on a fresh machine installs it when it can (root, apt-get), so that the
// README's one test command stays true; otherwise it says what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !existsSync('/usr/bin/apt-get')) {
  process.stderr.write(
    `em-logout tests: ${CHROMIUM} is missing; install Debian's chromium package (apt-get install chromium).\n`,
  );
  process.exit(1);
}

process.stdout.write(
  `em-logout tests: ${CHROMIUM} is missing; installing Debian's chromium package\n`,
);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
