import type { EmCall, LogoutOutcome } from '../em/index.js';
import { EM_CODE_NOBODY } from '../bulk/index.js';
import type { AdminContext } from './context.js';
import type { JobInput, JobView } from './jobs.js';
import type { ActionSource } from './recent.js';

export type LogoutVerdict =
  | { readonly outcome: 'logged-out'; readonly repeated: boolean }
  | { readonly outcome: 'nobody' }
  | {
      readonly outcome: 'failed';
      readonly failure: Extract<LogoutOutcome, { ok: false }>['failure'];
    };

/**
 * One logout from the page or the API: sent, logged, and kept in the recent
 * actions. CUCM's 19 ("no user logged in") leaves the device as wanted, so it is
 * an outcome of its own, not a failure.
 */
export async function logOutDevice(
  context: AdminContext,
  device: string,
  source: ActionSource,
  call: EmCall = {},
): Promise<LogoutVerdict> {
  const outcome = await context.em.logout(device, call);
  const verdict = verdictOf(outcome);
  context.logger.info(
    {
      ...call.context,
      device,
      via: source,
      outcome: verdict.outcome,
      failure: verdict.outcome === 'failed' ? verdict.failure : undefined,
      node: outcome.node,
      durationMs: outcome.durationMs,
    },
    'admin logout',
  );
  context.recent.add({
    source,
    action: 'logout',
    subject: device,
    outcome: verdict.outcome,
    message: messageOf(verdict),
  });
  return verdict;
}

function verdictOf(outcome: LogoutOutcome): LogoutVerdict {
  if (outcome.ok) return { outcome: 'logged-out', repeated: outcome.repeated };
  const { failure } = outcome;
  if (failure.kind === 'em' && failure.emCode === EM_CODE_NOBODY) return { outcome: 'nobody' };
  return { outcome: 'failed', failure };
}

export function messageOf(verdict: LogoutVerdict): string {
  switch (verdict.outcome) {
    case 'logged-out':
      return 'logged out';
    case 'nobody':
      return 'nobody was logged in';
    case 'failed':
      return verdict.failure.description;
  }
}

/** Starts a bulk job that records itself in the recent actions when done. */
export function startBulkJob(
  context: AdminContext,
  input: JobInput,
  source: ActionSource,
): JobView {
  const job = context.jobs.start(input, function recordJob(done) {
    const { counts } = done;
    context.recent.add({
      source,
      action: 'bulk',
      subject: done.jobId,
      outcome: counts.failed > 0 ? 'failed' : 'done',
      message:
        `${counts['logged-out']} logged out, ${counts.nobody} nobody, ` +
        `${counts.failed} failed, ${counts.skipped} skipped`,
    });
  });
  context.logger.info({ jobId: job.jobId, total: job.total, via: source }, 'bulk job started');
  return job;
}
