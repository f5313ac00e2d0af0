import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** The line the record starts on, 1-based. */
  readonly line: number;
  readonly values: string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface CsvRecords {
  readonly records: CsvRecord[];
  readonly problems: CsvProblem[];
}

/** Lines one quoted field may span; a longer "field" is an unclosed quote. */
const MAX_SPAN = 20;

/**
 * Comma-separated records with the line each starts on. A malformed record costs
 * its own line only: a whole-file parser that meets a stray quote reads on into
 * the next lines and loses them, so records are cut here first (a quoted field
 * may still span lines) and each is parsed on its own. Blank lines are skipped.
 */
export function readCsvRecords(text: string): CsvRecords {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];

  let index = 0;
  while (index < lines.length) {
    const first = lines[index] ?? '';
    if (first.trim() === '') {
      index += 1;
      continue;
    }
    const span = recordSpan(lines, index);
    const parsed = parseRecord(lines.slice(index, index + span).join('\n'));
    if (parsed.ok) {
      records.push({ line: index + 1, values: parsed.values });
      index += span;
      continue;
    }
    // A multi-line reading that fails is an unclosed quote on this line: report
    // this line alone and go on with the next.
    const alone = span === 1 ? parsed : parseRecord(first);
    problems.push({ line: index + 1, message: alone.ok ? UNCLOSED : alone.message });
    index += 1;
  }
  return { records, problems };
}

const UNCLOSED = 'a quoted field is not closed';

/** Lines the record starting at `start` takes: more than one only while a quote is open. */
function recordSpan(lines: readonly string[], start: number): number {
  let quotes = countQuotes(lines[start] ?? '');
  let span = 1;
  while (quotes % 2 === 1 && start + span < lines.length && span < MAX_SPAN) {
    quotes += countQuotes(lines[start + span] ?? '');
    span += 1;
  }
  return span;
}

function countQuotes(line: string): number {
  let count = 0;
  for (const character of line) if (character === '"') count += 1;
  return count;
}

type Parsed = { ok: true; values: string[] } | { ok: false; message: string };

function parseRecord(text: string): Parsed {
  try {
    const rows = parse(text, { relax_column_count: true }) as string[][];
    const [values, ...more] = rows;
    if (values === undefined || more.length > 0) return { ok: false, message: UNCLOSED };
    return { ok: true, values };
  } catch (error) {
    return { ok: false, message: describe(error) };
  }
}

function describe(error: unknown): string {
  const code = error instanceof CsvError ? error.code : undefined;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return UNCLOSED;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quote of a field (write a quote inside a quoted field as "")';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field (quote the whole field and write the quote as "")';
    default:
      return `malformed CSV${code === undefined ? '' : ` (${code})`}`;
  }
}
