import { readCsvRecords, type CsvProblem, type CsvRecord } from './csv-records.js';
import { BulkInputError } from './errors.js';

export interface DeviceCsv {
  /** The header as written. */
  readonly header: string[];
  readonly deviceIndex: number;
  /** Data records with as many fields as the header. */
  readonly rows: CsvRecord[];
  /** Lines that are not such a record: never sent, reported by line. */
  readonly problems: CsvProblem[];
}

/**
 * The device list of a CSV: the first line names the columns, one of them
 * `device` (any case); the other columns travel into the report.
 */
export function readDeviceCsv(text: string, source: string): DeviceCsv {
  const { records, problems } = readCsvRecords(text);
  const [header, ...data] = records;
  const headerProblem = problems.find((problem) => problem.line < (header?.line ?? Infinity));
  if (headerProblem !== undefined) {
    throw new BulkInputError(
      source,
      `${source} line ${headerProblem.line} (the header) is malformed: ${headerProblem.message}`,
    );
  }
  if (header === undefined) {
    throw new BulkInputError(
      source,
      `${source} is empty: expected a header line with a device column`,
    );
  }
  const deviceIndex = findDeviceColumn(header, source);

  const rows: CsvRecord[] = [];
  const all = [...problems];
  for (const record of data) {
    if (record.values.length === header.values.length) rows.push(record);
    else all.push({ line: record.line, message: fieldCount(record, header) });
  }
  all.sort((a, b) => a.line - b.line);
  return { header: header.values, deviceIndex, rows, problems: all };
}

function findDeviceColumn(header: CsvRecord, source: string): number {
  const names = header.values.map((name) => name.trim().toLowerCase());
  const indexes = names.flatMap((name, index) => (name === 'device' ? [index] : []));
  const [index, second] = indexes;
  if (index !== undefined && second === undefined) return index;

  const at = `${source} line ${header.line}`;
  if (index !== undefined) {
    throw new BulkInputError(source, `${at}: more than one device column; keep one`);
  }
  const columns = header.values.map((name) => `'${name}'`).join(', ');
  const hint = /[;\t]/.test(header.values.join(''))
    ? ' (em-logout reads comma-separated files; this one looks separated by ; or tabs)'
    : '';
  throw new BulkInputError(
    source,
    `${at}: no device column in the header (columns: ${columns})${hint}. ` +
      'The first line must name the columns, one of them device, e.g.:\n  device,desk\n  SEP001122334455,3.14',
  );
}

function fieldCount(record: CsvRecord, header: CsvRecord): string {
  const count = record.values.length;
  return `${count} field${count === 1 ? '' : 's'}, the header has ${header.values.length}`;
}
