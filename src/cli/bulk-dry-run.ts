import { lookUpDevices, type DeviceLookup } from '../bulk/index.js';
import { skippedJson, unsentLines } from './bulk-plan.js';
import type { BulkRun } from './bulk-run.js';
import { withClient } from './context.js';
import { EXIT } from './exit-codes.js';
import { alignColumns, plural } from './format.js';
import { isProblem, lookupText, WHO_CHUNK } from './lookups.js';
import type { ReportFields } from '../bulk/report-layout.js';

/** What a run would do, from one deviceUserQuery per 50 devices; nothing is logged out. */
export async function dryRun(run: BulkRun): Promise<number> {
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
  const problems = rows.filter((row) => isProblem(row.lookup)).length;
  return problems + unsentLines(plan.skipped) > 0 ? EXIT.failed : EXIT.ok;
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
