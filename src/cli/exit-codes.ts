/** Exit statuses of em-logout, the same for every command. */
export const EXIT = {
  /** Everything asked for succeeded (19, nobody logged in, counts as success). */
  ok: 0,
  /** Some devices, or the one operation, failed: see the output. */
  failed: 1,
  /** Bad arguments, configuration or input: nothing was sent. */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT), after the requests in flight finished. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
