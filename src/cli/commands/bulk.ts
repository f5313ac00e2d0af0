import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  lookUpDevices,
  runBulkLogout,
  type BulkResult,
  type DeviceLookup,
} from '../../bulk/index.js';
import type { EmSettings } from '../../config.js';
import { planBulk, type BulkPlan, type InputRow, type SkippedLine } from '../bulk-plan.js';
import { settingsOf, withClient, type CommandContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { alignColumns, exitFor, formatElapsed, plural, resultJson, shellWord } from '../format.js';
import { createProgress, ratePerSecond } from '../progress.js';
import { ReportFile, type ReportFields } from '../report.js';
import { rowKey } from '../resume.js';
import { isProblem, lookupText, WHO_CHUNK } from './who.js';

export interface BulkFlags {
  readonly report?: string | undefined;
  readonly resume?: string | undefined;
  readonly dryRun?: boolean | undefined;
  /** False with --no-progress. */
  readonly progress?: boolean | undefined;
}

/**
 * `em-logout bulk FILE.csv`: every device of a CSV, at CUCM's pace, with a report
 * row written as each device is done. `--dry-run` only asks who is logged in.
 */
export async function bulkCommand(
  context: CommandContext,
  file: string,
  flags: BulkFlags,
): Promise<number> {
  checkFlags(context, flags);
  const settings = settingsOf(context);
  const plan = await planBulk(file, context.io, flags.resume);
  for (const skipped of plan.skipped) context.out.warn(`skipped ${skipped.message}`);

  const report = openReport(context, file, flags, plan);
  try {
    if (report !== undefined) writeSkipped(report, plan);
    const run = { context, settings, plan, report, file };
    return flags.dryRun === true ? await dryRun(run) : await logOut(run, flags.progress !== false);
  } finally {
    report?.close();
  }
}

interface Run {
  readonly context: CommandContext;
  readonly settings: EmSettings;
  readonly plan: BulkPlan;
  readonly report: ReportFile | undefined;
  readonly file: string;
}

function checkFlags(context: CommandContext, flags: BulkFlags): void {
  const { cwd } = context.io;
  if (flags.resume === undefined || flags.report === undefined) return;
  if (flags.dryRun === true) {
    throw new CliUsageError(
      '--dry-run with --resume writes no report into the one resumed; drop --report',
    );
  }
  if (resolve(cwd, flags.report) !== resolve(cwd, flags.resume)) {
    throw new CliUsageError(
      '--resume continues the report it names: drop --report, or give both the same path',
    );
  }
}

/**
 * A resumed run continues its report; a dry run writes one only when asked; any
 * other run starts a new one, never over an existing file.
 */
function openReport(
  context: CommandContext,
  file: string,
  flags: BulkFlags,
  plan: BulkPlan,
): ReportFile | undefined {
  const { cwd } = context.io;
  if (flags.resume !== undefined && flags.dryRun !== true) {
    return ReportFile.append(resolve(cwd, flags.resume));
  }
  if (flags.dryRun === true && flags.report === undefined) return undefined;

  const path = resolve(cwd, flags.report ?? defaultReportPath(file, context.io.now()));
  return ReportFile.create(path, plan.layout.header);
}

/** Next to the input, or in the working directory for stdin; stamped, so never an old report. */
export function defaultReportPath(file: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
  if (file === '-') return `em-logout-report-${stamp}.csv`;
  return join(dirname(file), `${basename(file, extname(file))}-report-${stamp}.csv`);
}

function writeSkipped(report: ReportFile, plan: BulkPlan): void {
  for (const skipped of plan.skipped) {
    const row = plan.layout.row(skipped.input, {
      device: skipped.device,
      outcome: 'skipped',
      message: skipped.message,
    });
    if (plan.resume?.rows.has(rowKey(row)) !== true) report.write(row);
  }
}

async function logOut(run: Run, showProgress: boolean): Promise<number> {
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
        report?.write(plan.layout.row(result.item.data, fieldsOf(result)));
        results.push(result);
        progress.update(status.done, status);
      },
    }),
  ).finally(() => progress.stop());

  results.sort((a, b) => a.item.line - b.item.line);
  const notSent = plan.todo.length - results.length;
  const { counts } = summary;
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
      `CUCM answered busy (26) ${plural(summary.busyAnswers, 'time')}; the pace was lowered and the devices sent again.`,
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
  if (summary.interrupted) {
    context.out.line(
      `Interrupted: ${plural(notSent, 'device')} not sent; every answer received is in the report.`,
    );
    if (report !== undefined)
      context.out.line(`Continue with: ${resumeCommand(run.file, report.path)}`);
  }
  return exitFor({ failed: counts.failed, interrupted: summary.interrupted });
}

function fieldsOf(result: BulkResult): ReportFields {
  return {
    device: result.device,
    outcome: result.outcome,
    emCode: result.emCode,
    message: result.message,
    attempts: result.attempts,
    durationMs: result.durationMs,
  };
}

function resumeCommand(file: string, reportPath: string): string {
  const input = file === '-' ? '- < FILE.csv' : shellWord(file);
  return `em-logout bulk ${input} --resume ${shellWord(reportPath)}`;
}

function skippedJson(skipped: SkippedLine): { line: number; device: string; message: string } {
  return { line: skipped.line, device: skipped.device, message: skipped.message };
}

/** What a run would do, from one deviceUserQuery per 50 devices; nothing is logged out. */
async function dryRun(run: Run): Promise<number> {
  const { context, settings, plan, report } = run;
  const lookup = await withClient(context, settings, { paced: false }, (client) =>
    lookUpDevices(
      client,
      plan.todo.map((entry) => entry.device),
      { chunkSize: WHO_CHUNK, concurrency: settings.maxConcurrency, signal: context.io.signal },
    ),
  );
  const rows = plan.todo.slice(0, lookup.lookups.length).map((entry, index) => ({
    entry,
    lookup: lookup.lookups[index] as DeviceLookup,
  }));
  for (const { entry, lookup: found } of rows) {
    report?.write(plan.layout.row(entry.data, dryRunFields(found)));
  }

  const count = (state: DeviceLookup['state']) =>
    rows.filter((row) => row.lookup.state === state).length;
  context.out.document({
    command: 'bulk',
    input: run.file,
    report: report?.path ?? null,
    dryRun: true,
    interrupted: lookup.interrupted,
    counts: {
      wouldLogOut: count('logged-in'),
      nobody: count('nobody'),
      unknownDevice: count('unknown-device'),
      failed: count('failed'),
      skipped: plan.skipped.length,
      alreadyDone: plan.alreadyDone,
      notAsked: plan.todo.length - rows.length,
    },
    devices: rows.map(({ entry, lookup: found }) => ({ line: entry.line, ...dryRunJson(found) })),
    skipped: plan.skipped.map(skippedJson),
  });

  context.out.line(
    `Dry run, nothing was logged out: ${count('logged-in')} would be logged out, ` +
      `${count('nobody')} with nobody logged in, ${count('unknown-device')} unknown to CUCM, ` +
      `${count('failed')} failed to answer, ${plural(plan.skipped.length, 'line')} skipped` +
      (plan.alreadyDone > 0 ? `, ${plan.alreadyDone} already done` : '') +
      '.',
  );
  const table = rows.map(({ entry, lookup: found }) => [
    `  line ${entry.line}`,
    found.device,
    found.state === 'logged-in' ? `would log out ${found.userId}` : lookupText(found),
  ]);
  for (const line of alignColumns(table)) context.out.line(line);
  if (report !== undefined) context.out.line(`Report: ${report.path}`);

  if (lookup.interrupted) return EXIT.interrupted;
  return rows.some((row) => isProblem(row.lookup)) ? EXIT.failed : EXIT.ok;
}

function dryRunFields(lookup: DeviceLookup): ReportFields {
  const { device } = lookup;
  switch (lookup.state) {
    case 'logged-in':
      return { device, outcome: 'would-log-out', message: `${lookup.userId} is logged in` };
    case 'nobody':
      // Not 'nobody': a dry run's report must not make --resume skip a device.
      return { device, outcome: 'nobody-logged-in', message: 'nobody logged in' };
    case 'unknown-device':
      return { device, outcome: 'unknown-device', message: 'unknown to CUCM' };
    case 'failed':
      return {
        device,
        outcome: 'failed',
        emCode: lookup.failure.emCode,
        message: lookup.failure.description,
      };
  }
}

function dryRunJson(lookup: DeviceLookup) {
  const fields = dryRunFields(lookup);
  return {
    device: lookup.device,
    outcome: fields.outcome,
    userId: lookup.state === 'logged-in' ? lookup.userId : null,
    emCode: fields.emCode ?? null,
    message: fields.message,
  };
}
