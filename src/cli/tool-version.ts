import { readFileSync } from 'node:fs';

/**
 * The version in em-logout's package.json, found above this file whether it runs
 * from src/ (tsx) or from dist/src/ (built); 'unknown' if it cannot be read.
 */
export function toolVersion(): string {
  let dir = new URL('.', import.meta.url);
  for (let level = 0; level < 5; level += 1) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'em-logout' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json at this level: look one up.
    }
    dir = new URL('..', dir);
  }
  return 'unknown';
}
