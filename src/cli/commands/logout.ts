import { runBulkLogout, type BulkResult } from '../../bulk/index.js';
import { settingsOf, withClient, type CommandContext } from '../context.js';
import { readDeviceArgs } from '../device-args.js';
import { alignColumns, exitFor, outcomeText, plural, resultJson } from '../format.js';

/** `em-logout logout SEP... [SEP...]`: the bulk engine, fed from the command line. */
export async function logoutCommand(context: CommandContext, values: string[]): Promise<number> {
  const devices = readDeviceArgs(values, context.out);
  const settings = settingsOf(context);

  const results: BulkResult[] = [];
  const summary = await withClient(context, settings, { paced: true }, (client) =>
    runBulkLogout(
      client,
      devices.map((device) => ({ device })),
      {
        maxConcurrency: settings.maxConcurrency,
        signal: context.io.signal,
        onResult: (result) => results.push(result),
      },
    ),
  );
  const byDevice = new Map(results.map((result) => [result.device, result]));
  const ordered = devices.flatMap((device) => byDevice.get(device) ?? []);
  const notSent = devices.length - ordered.length;
  const { counts } = summary;

  context.out.document({
    command: 'logout',
    interrupted: summary.interrupted,
    counts: {
      loggedOut: counts['logged-out'],
      nobody: counts.nobody,
      failed: counts.failed,
      notSent,
    },
    results: ordered.map((result) => resultJson(result)),
  });
  for (const line of alignColumns(ordered.map((result) => [result.device, outcomeText(result)]))) {
    context.out.line(line);
  }
  if (summary.interrupted) context.out.line(`Interrupted: ${plural(notSent, 'device')} not sent.`);
  return exitFor({ failed: counts.failed, interrupted: summary.interrupted });
}
