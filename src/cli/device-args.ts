import { checkDevices } from '../bulk/index.js';
import { CliUsageError } from './errors.js';
import type { Output } from './output.js';

/**
 * Device names given as arguments, canonical and without repeats. A name that is
 * not a device name stops the command before anything is sent: a typo must not
 * turn into a request about another phone.
 */
export function readDeviceArgs(values: readonly string[], out: Output): string[] {
  const entries = values.map((value, index) => ({ line: index + 1, value, data: undefined }));
  const { accepted, rejected } = checkDevices(entries, { unit: 'argument' });

  const invalid = rejected.filter((entry) => entry.problem !== 'duplicate');
  if (invalid.length > 0) {
    const problems = invalid.map((entry) => `argument ${entry.line}: ${entry.message}`);
    throw new CliUsageError(`${problems.join('\n')}\nNothing was sent.`, problems);
  }
  for (const entry of rejected) out.warn(`argument ${entry.line}: ${entry.message}`);
  return accepted.map((entry) => entry.device);
}
