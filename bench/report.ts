import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** One line of the bench's table; the bulk bench returns the same shape. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** How the value is judged, e.g. '>= 0.8'; absent for figures that are only reported. */
  readonly target?: string;
  readonly pass?: boolean;
}

/** A row judged against a lower or upper bound. */
export function judged(
  row: Omit<BenchRow, 'target' | 'pass'>,
  bound: { readonly atLeast: number } | { readonly atMost: number },
): BenchRow {
  if ('atLeast' in bound) {
    return { ...row, target: `>= ${bound.atLeast}`, pass: row.value >= bound.atLeast };
  }
  return { ...row, target: `<= ${bound.atMost}`, pass: row.value <= bound.atMost };
}

const HEADINGS = ['name', 'value', 'unit', 'target', 'pass'] as const;

function cells(row: BenchRow): string[] {
  return [row.name, formatValue(row.value), row.unit, row.target ?? '', verdict(row)];
}

/** A missed target is written out in capitals: the table is read, not parsed. */
function verdict(row: BenchRow): string {
  if (row.pass === undefined) return '';
  return row.pass ? 'pass' : 'MISSED';
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toFixed(digits);
}

/** The table for the terminal, in aligned columns. */
export function textTable(rows: readonly BenchRow[]): string {
  const lines = [[...HEADINGS], ...rows.map(cells)];
  const widths = HEADINGS.map((_, column) =>
    Math.max(...lines.map((line) => line[column]!.length)),
  );
  return lines
    .map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
    .map((line) => line.trimEnd())
    .join('\n');
}

export interface RunFacts {
  readonly startedAt: Date;
  readonly elapsedS: number;
  readonly method: string;
  /** One-minute load average when the run started: other work on the machine skews everything. */
  readonly loadBefore: number;
}

/** The same table in markdown, with what it was measured on. */
export function markdownReport(rows: readonly BenchRow[], facts: RunFacts): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const table = [
    `| ${HEADINGS.join(' | ')} |`,
    `| ${HEADINGS.map((_, column) => (column === 1 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ];
  return [
    '# Benchmark results',
    '',
    `- date: ${facts.startedAt.toISOString()}`,
    `- node: ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`,
    `- bench run time: ${facts.elapsedS.toFixed(0)} s; load average ${facts.loadBefore.toFixed(2)} ` +
      `before, ${loadavg()[0]!.toFixed(2)} after`,
    `- how: ${facts.method}`,
    '',
    ...table,
    '',
  ].join('\n');
}

export function writeReport(path: URL, rows: readonly BenchRow[], facts: RunFacts): void {
  writeFileSync(path, markdownReport(rows, facts));
}
