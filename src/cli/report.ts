import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { CliInputError } from './errors.js';

/** How often rows are forced to the disk: at most this much of a run is lost to a power cut. */
const SYNC_EVERY_MS = 1000;

/**
 * A report written one row at a time, each with a synchronous write: a row is in
 * the file as soon as its device is done, so an interrupt (even a second Ctrl-C)
 * loses no answer that was printed. Rows reach the disk itself (fsync) at least
 * once a second while they come, and when the report is closed: a power cut
 * loses at most the last second, and `--resume` sends those devices again (CUCM
 * then answers that nobody is logged in).
 */
export class ReportFile {
  readonly path: string;
  #fd: number | undefined;
  #syncedAt = performance.now();

  private constructor(path: string, fd: number) {
    this.path = path;
    this.#fd = fd;
  }

  /** A new report; an existing file is never overwritten. */
  static create(path: string, header: readonly string[]): ReportFile {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      throw openError(path, error);
    }
    const report = new ReportFile(path, fd);
    report.write(header);
    return report;
  }

  /** An existing report, continued at its end. */
  static append(path: string): ReportFile {
    let fd: number;
    try {
      fd = openSync(path, 'a+');
    } catch (error) {
      throw openError(path, error);
    }
    const report = new ReportFile(path, fd);
    // A report cut short mid-row ends without a newline: the next row starts on its own line.
    if (!endsWithNewline(fd)) writeSync(fd, '\n');
    return report;
  }

  write(values: readonly string[]): void {
    if (this.#fd === undefined) throw new Error(`report ${this.path} is closed`);
    writeSync(this.#fd, stringify([values]));
    const now = performance.now();
    if (now - this.#syncedAt >= SYNC_EVERY_MS) {
      fsyncSync(this.#fd);
      this.#syncedAt = now;
    }
  }

  close(): void {
    if (this.#fd === undefined) return;
    try {
      fsyncSync(this.#fd);
    } finally {
      closeSync(this.#fd);
      this.#fd = undefined;
    }
  }
}

function endsWithNewline(fd: number): boolean {
  const { size } = fstatSync(fd);
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

function openError(path: string, error: unknown): CliInputError {
  const code = (error as { code?: string }).code ?? 'unwritable';
  if (code === 'EEXIST') {
    return new CliInputError(
      path,
      `report ${path} already exists: pass another --report, or continue it with --resume ${path}`,
    );
  }
  return new CliInputError(path, `cannot write report ${path} (${code})`);
}
