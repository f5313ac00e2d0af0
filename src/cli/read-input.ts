import { readFile } from 'node:fs/promises';
import { CliInputError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * The whole input: a file, or stdin for `-`. A floor's device list fits in memory.
 * TODO(perf): a list of hundreds of thousands of devices would want a streamed parse.
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
