import { checkDevices, type AcceptedDevice, type DeviceProblem } from '../bulk/index.js';
import { readDeviceCsv } from '../bulk/device-csv.js';
import { readInput } from './read-input.js';
import type { CliIo } from './io.js';
import { ReportLayout } from '../bulk/report-layout.js';
import { readResumeReport, type ResumeState } from './resume.js';

/** A line of the input that is not sent, and why. */
export interface SkippedLine {
  readonly line: number;
  /** As written; empty when the line could not be read as a record. */
  readonly device: string;
  readonly input: readonly string[] | undefined;
  /** A repeat was sent under its first line; any other skipped line was not sent at all. */
  readonly problem: DeviceProblem | 'malformed';
  /** Starts with the line number: "line 7: SEP... repeats line 3: sent once". */
  readonly message: string;
}

export type InputRow = AcceptedDevice<readonly string[]>;

/** Lines whose device was not sent at all: they make the run fail, as a failed device does. */
export function unsentLines(skipped: readonly SkippedLine[]): number {
  return skipped.filter((line) => line.problem !== 'duplicate').length;
}

export interface BulkPlan {
  readonly layout: ReportLayout;
  /** Devices to send, in input order. */
  readonly todo: InputRow[];
  readonly skipped: SkippedLine[];
  /** Valid devices of the input that the resumed report shows done. */
  readonly alreadyDone: number;
  readonly resume: ResumeState | undefined;
}

/** Reads and checks the whole input before anything is sent. */
export async function planBulk(
  file: string,
  io: CliIo,
  resumePath: string | undefined,
): Promise<BulkPlan> {
  const csv = readDeviceCsv(await readInput(file, io), file === '-' ? 'stdin' : file);
  const layout = new ReportLayout(csv.header, csv.deviceIndex);
  const entries = csv.rows.map((row) => ({
    line: row.line,
    value: row.values[csv.deviceIndex] ?? '',
    data: row.values as readonly string[],
  }));
  const { accepted, rejected } = checkDevices(entries);

  const skipped: SkippedLine[] = [
    ...csv.problems.map((problem) => ({
      line: problem.line,
      device: '',
      input: undefined,
      problem: 'malformed' as const,
      message: `line ${problem.line}: malformed CSV: ${problem.message}`,
    })),
    ...rejected.map((entry) => ({
      line: entry.line,
      device: entry.value,
      input: entry.data,
      problem: entry.problem,
      message: `line ${entry.line}: ${entry.message}`,
    })),
  ].sort((a, b) => a.line - b.line);

  const resume =
    resumePath === undefined ? undefined : await readResumeReport(resumePath, layout.header);
  const todo = accepted.filter((entry) => resume?.done.has(entry.device) !== true);
  return { layout, todo, skipped, alreadyDone: accepted.length - todo.length, resume };
}

export function skippedJson(skipped: SkippedLine) {
  const { line, device, problem, message } = skipped;
  return { line, device, problem, message };
}
