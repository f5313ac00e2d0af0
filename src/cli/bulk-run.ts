import { runBulkLogout, type BulkResult, type BulkSummary } from '../bulk/index.js';
import type { EmSettings } from '../config.js';
import { skippedJson, unsentLines, type BulkPlan, type InputRow } from './bulk-plan.js';
import { withClient, type CommandContext } from './context.js';
import { alignColumns, exitFor, formatElapsed, plural, resultJson, shellWord } from './format.js';
import { createProgress, ratePerSecond } from './progress.js';
import { reportFieldsOf } from '../bulk/report-layout.js';
import type { ReportFile } from './report.js';

/** One `bulk` command's work, once its input is read and its report open. */
export interface BulkRun {
  readonly context: CommandContext;
  readonly settings: EmSettings;
  readonly plan: BulkPlan;
  readonly report: ReportFile | undefined;
  /** The input as given on the command line (`-` for stdin). */
  readonly file: string;
}

/** Logs out the plan's devices, a report row as each is done, then the summary. */
export async function logOut(run: BulkRun, showProgress: boolean): Promise<number> {
  const { context, settings, plan, report } = run;
  const progress = createProgress(context.out.stderr, { enabled: showProgress });
  context.out.note(
    `logging out ${plural(plan.todo.length, 'device')}, at most ${settings.maxConcurrency} at once` +
      (report === undefined ? '' : `; report: ${report.path}`),
  );

  const results: BulkResult<InputRow>[] = [];
  progress.start(plan.todo.length);
  const summary = await withClient(context, settings, { paced: true }, (client) =>
    runBulkLogout(client, plan.todo, {
      maxConcurrency: settings.maxConcurrency,
      signal: context.io.signal,
      onResult: (result, status) => {
        report?.write(plan.layout.row(result.item.data, reportFieldsOf(result)));
        results.push(result);
        progress.update(status.done, status);
      },
    }),
  ).finally(() => progress.stop());

  results.sort((a, b) => a.item.line - b.item.line);
  printSummary(run, summary, results);
  const failedLines = summary.counts.failed + unsentLines(plan.skipped);
  return exitFor({ failed: failedLines, interrupted: summary.interrupted });
}

function printSummary(
  run: BulkRun,
  summary: BulkSummary,
  results: readonly BulkResult<InputRow>[],
): void {
  const { context, plan, report } = run;
  const { counts } = summary;
  const notSent = plan.todo.length - results.length;
  const rate = ratePerSecond(summary.done, summary.elapsedMs);

  context.out.document({
    command: 'bulk',
    input: run.file,
    report: report?.path ?? null,
    dryRun: false,
    interrupted: summary.interrupted,
    counts: {
      loggedOut: counts['logged-out'],
      nobody: counts.nobody,
      failed: counts.failed,
      skipped: plan.skipped.length,
      alreadyDone: plan.alreadyDone,
      notSent,
    },
    elapsedMs: summary.elapsedMs,
    ratePerSecond: Math.round(rate * 10) / 10,
    busyAnswers: summary.busyAnswers,
    results: results.map((result) => resultJson(result, result.item.line)),
    skipped: plan.skipped.map(skippedJson),
  });

  context.out.line(
    `Logged out ${counts['logged-out']}, nobody logged in ${counts.nobody}, failed ${counts.failed}` +
      `, skipped ${plural(plan.skipped.length, 'line')}` +
      (plan.alreadyDone > 0 ? `, already done ${plan.alreadyDone}` : '') +
      `: ${plural(summary.done, 'device')} in ${formatElapsed(summary.elapsedMs)} (${rate.toFixed(1)}/s).`,
  );
  if (summary.busyAnswers > 0) {
    context.out.line(
      `CUCM answered busy (26) ${plural(summary.busyAnswers, 'time')}; ` +
        'the pace was lowered and the devices sent again.',
    );
  }
  const failed = results.filter((result) => result.outcome === 'failed');
  if (failed.length > 0) {
    context.out.line('Failed:');
    const rows = failed.map((result) => [
      `  line ${result.item.line}`,
      result.device,
      result.message,
    ]);
    for (const line of alignColumns(rows)) context.out.line(line);
  }
  if (report !== undefined) context.out.line(`Report: ${report.path}`);
  if (!summary.interrupted) return;

  context.out.line(
    `Interrupted: ${plural(notSent, 'device')} not sent; every answer received is in the report.`,
  );
  if (report !== undefined)
    context.out.line(`Continue with: ${resumeCommand(run.file, report.path)}`);
}

function resumeCommand(file: string, reportPath: string): string {
  const input = file === '-' ? '- < FILE.csv' : shellWord(file);
  return `em-logout bulk ${input} --resume ${shellWord(reportPath)}`;
}
