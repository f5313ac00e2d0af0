#!/usr/bin/env node
// The command-line entry: the compiled CLI, built by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('em-logout: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(entry.href);
