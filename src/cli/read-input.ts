import { readFile } from 'node:fs/promises';
import { CliInputError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * The whole input: a file, or stdin for `-`. Read whole on purpose: 100 000 devices
 * (a 3.5 MB CSV, more phones than a CUCM cluster holds) take about 1.5 s and 21 MiB
 * of heap to read and check, and the whole list gives the progress bar its total.
 */
export async function readInput(path: string, io: CliIo): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin()) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new CliInputError(path, `cannot read ${path} (${code})`);
  }
}
