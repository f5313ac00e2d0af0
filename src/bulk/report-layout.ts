import type { BulkResult } from './result.js';

// The columns of a bulk report, shared by the command line's report file and the
// admin API's report download.

/** What the report adds after the input's own columns. */
export const RESULT_COLUMNS = [
  'device',
  'outcome',
  'em_code',
  'message',
  'attempts',
  'duration_ms',
] as const;

export interface ReportFields {
  readonly device: string;
  readonly outcome: string;
  readonly emCode?: number | undefined;
  readonly message: string;
  readonly attempts?: number | undefined;
  readonly durationMs?: number | undefined;
}

/**
 * The report's columns: the input's, then RESULT_COLUMNS. The input's own device
 * column is left out (the report's `device` holds its canonical form), and an
 * input column named like a result column is kept as `input_<name>`, so that no
 * two columns share a name.
 */
export class ReportLayout {
  readonly header: readonly string[];
  readonly #deviceIndex: number;

  constructor(inputHeader: readonly string[], deviceIndex: number) {
    const taken = new Set<string>(RESULT_COLUMNS);
    const inputColumns = inputHeader
      .filter((_, index) => index !== deviceIndex)
      .map((name) => (taken.has(name.trim().toLowerCase()) ? `input_${name.trim()}` : name))
      .map(inert);
    this.header = [...inputColumns, ...RESULT_COLUMNS];
    this.#deviceIndex = deviceIndex;
  }

  /** `input` undefined for a line that could not be read as a record. */
  row(input: readonly string[] | undefined, fields: ReportFields): string[] {
    const width = this.header.length - RESULT_COLUMNS.length;
    const kept = input?.filter((_, index) => index !== this.#deviceIndex) ?? [];
    const padded = Array.from({ length: width }, (_, index) => inert(kept[index] ?? ''));
    return [
      ...padded,
      // A skipped line's device is the input as given, which may look like a formula.
      inert(fields.device),
      fields.outcome,
      fields.emCode === undefined ? '' : String(fields.emCode),
      inert(fields.message),
      fields.attempts === undefined ? '' : String(fields.attempts),
      fields.durationMs === undefined ? '' : String(fields.durationMs),
    ];
  }
}

/** The result columns of one device's outcome, as both reports write them. */
export function reportFieldsOf(result: BulkResult): ReportFields {
  return {
    device: result.device,
    outcome: result.outcome,
    emCode: result.emCode,
    message: result.message,
    attempts: result.attempts,
    durationMs: result.durationMs,
  };
}

/**
 * Reports are opened in spreadsheets: a cell that starts like a formula (`=`, `+`,
 * `-`, `@`, tab, CR) would run as one. Such cells from the input or from CUCM get a
 * leading `'`, which spreadsheets show as text.
 */
export function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
