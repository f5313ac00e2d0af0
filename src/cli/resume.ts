import { readFile } from 'node:fs/promises';
import { DONE_OUTCOMES } from '../bulk/index.js';
import { readCsvRecords } from '../bulk/csv-records.js';
import { CliInputError } from './errors.js';

export interface ResumeState {
  /** Devices the report shows done (logged out, or nobody logged in): not sent again. */
  readonly done: ReadonlySet<string>;
  /** Every row already in the report, so a resumed run does not repeat its skipped lines. */
  readonly rows: ReadonlySet<string>;
}

/**
 * Reads a report of an earlier run of the same input. Its columns must be the
 * ones this input gives, or it belongs to another input and resuming from it
 * could skip the wrong devices.
 */
export async function readResumeReport(
  path: string,
  header: readonly string[],
): Promise<ResumeState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new CliInputError(path, `cannot read the report to resume, ${path} (${code})`);
  }
  const [first, ...records] = readCsvRecords(text).records;
  if (first === undefined || rowKey(first.values) !== rowKey(header)) {
    const found = first === undefined ? 'nothing' : first.values.join(',');
    throw new CliInputError(
      path,
      `${path} is not a report of this input: its columns are ${found}, this input gives ${header.join(',')}`,
    );
  }
  const deviceIndex = header.indexOf('device');
  const outcomeIndex = header.indexOf('outcome');
  const done = new Set<string>();
  const rows = new Set<string>();
  // A row cut short by a hard stop has too few fields: its device is simply tried again.
  for (const { values } of records) {
    if (values.length !== header.length) continue;
    rows.add(rowKey(values));
    if (DONE_OUTCOMES.has(values[outcomeIndex] ?? '')) done.add(values[deviceIndex] ?? '');
  }
  return { done, rows };
}

export function rowKey(values: readonly string[]): string {
  return JSON.stringify(values);
}
