/** One try of one EM operation, as the client saw it: for logs and metrics. */
export type EmOperation = 'logout' | 'login' | 'logoutAll' | 'deviceUserQuery' | 'userDevicesQuery';

export interface AttemptEvent {
  readonly operation: EmOperation;
  /** The node that answered or failed; undefined when none could be tried. */
  readonly node: string | undefined;
  readonly attempt: number;
  readonly durationMs: number;
  /** 'success' and 'em-failure' are EM answers; the rest are failure kinds. */
  readonly result:
    'success' | 'em-failure' | 'http' | 'network' | 'timeout' | 'unreadable' | 'config';
  readonly emCode: number | undefined;
  /** Whether the client will try again (code 26 or a reset, with time left). */
  readonly willRetry: boolean;
  /** What the caller said of the operation (a request id, a job id), for its logs. */
  readonly context?: Readonly<Record<string, string>>;
}

/** What a caller may say about one operation. */
export interface EmCall {
  /**
   * Echoed in the operation's attempt events, so that their logs name what the
   * operation served: `{ reqId }` for a request, `{ jobId }` for a bulk job.
   */
  readonly context?: Readonly<Record<string, string>>;
}
