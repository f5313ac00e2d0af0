import type { CliIo, TextSink } from './io.js';

/**
 * The only way the CLI prints: results to stdout (text, or one JSON document with
 * --json), everything for the person at the terminal to stderr.
 */
export class Output {
  readonly json: boolean;
  readonly #stdout: TextSink;
  readonly #stderr: TextSink;

  constructor(io: Pick<CliIo, 'stdout' | 'stderr'>, json: boolean) {
    this.json = json;
    this.#stdout = io.stdout;
    this.#stderr = io.stderr;
  }

  get stderr(): TextSink {
    return this.#stderr;
  }

  /** A line of the text result; nothing with --json. */
  line(text = ''): void {
    if (!this.json) this.#stdout.write(`${text}\n`);
  }

  /** The JSON result; nothing without --json. */
  document(value: unknown): void {
    if (this.json) this.#stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  warn(text: string): void {
    this.#stderr.write(`em-logout: warning: ${text}\n`);
  }

  note(text: string): void {
    this.#stderr.write(`em-logout: ${text}\n`);
  }

  error(text: string): void {
    this.#stderr.write(`em-logout: ${text}\n`);
  }
}
