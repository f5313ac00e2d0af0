/** The little of a writable stream the CLI uses, so tests can capture it. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** Everything the CLI takes from its process: passed in, so it runs inside tests too. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Opened only when a command reads `-`. */
  readonly stdin: () => AsyncIterable<Buffer | string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted by the first Ctrl-C: commands stop sending and finish what is in flight. */
  readonly signal: AbortSignal;
  readonly now: () => Date;
}
