import type { BulkResult, BulkOutcome } from '../bulk/index.js';
import type { EmFailure } from '../em/index.js';
import { EXIT } from './exit-codes.js';

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatElapsed(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** How a bulk outcome reads in a sentence. */
export function outcomeText(result: Pick<BulkResult, 'outcome' | 'message'>): string {
  const texts: Record<BulkOutcome, string> = {
    'logged-out': 'logged out',
    nobody: 'nobody logged in',
    failed: `failed: ${result.message}`,
  };
  return texts[result.outcome];
}

export interface ResultJson {
  readonly line?: number;
  readonly device: string;
  readonly outcome: string;
  readonly emCode: number | null;
  readonly message: string;
  readonly attempts: number;
  readonly durationMs: number;
}

export function resultJson(result: BulkResult, line?: number): ResultJson {
  return {
    ...(line === undefined ? {} : { line }),
    device: result.device,
    outcome: result.outcome,
    emCode: result.emCode ?? null,
    message: result.message,
    attempts: result.attempts,
    durationMs: result.durationMs,
  };
}

export interface FailureJson {
  readonly kind: string;
  readonly emCode: number | null;
  readonly message: string;
}

export function failureJson(failure: EmFailure): FailureJson {
  return { kind: failure.kind, emCode: failure.emCode ?? null, message: failure.description };
}

export function exitFor(outcome: { failed: number; interrupted: boolean }): number {
  if (outcome.interrupted) return EXIT.interrupted;
  return outcome.failed > 0 ? EXIT.failed : EXIT.ok;
}

/** Quotes a path for a command line the user may paste back. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
