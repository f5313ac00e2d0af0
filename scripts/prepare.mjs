// `npm install` / `npm ci` in a checkout build dist/ so that `npx em-logout` works.
// A production install (`npm ci --omit=dev`) has no TypeScript and ships dist/
// already built: then there is nothing to do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stdout.write(
    'em-logout: TypeScript not installed (production install); dist/ is used as built\n',
  );
  process.exit(0);
}
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
