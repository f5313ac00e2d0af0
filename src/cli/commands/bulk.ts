import { basename, dirname, extname, join, resolve } from 'node:path';
import { dryRun } from '../bulk-dry-run.js';
import { planBulk, type BulkPlan } from '../bulk-plan.js';
import { logOut } from '../bulk-run.js';
import { settingsOf, type CommandContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { ReportFile } from '../report.js';
import { rowKey } from '../resume.js';

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

function checkFlags(context: CommandContext, flags: BulkFlags): void {
  const { cwd } = context.io;
  if (flags.resume === undefined || flags.report === undefined) return;

  const same = resolve(cwd, flags.report) === resolve(cwd, flags.resume);
  if (flags.dryRun === true && same) {
    throw new CliUsageError(
      'a dry run never writes into the report it resumes: give --report another path, or drop it',
    );
  }
  if (flags.dryRun !== true && !same) {
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
