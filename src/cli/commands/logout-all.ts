import { settingsOf, withClient, type CommandContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { failureJson } from '../format.js';

export const LOGOUT_ALL_WARNING =
  "logout-all logs out EVERY device of the cluster with CUCM's logoutAll. CUCM then " +
  'writes a change notification for each device to its database, a heavy load: Cisco ' +
  'advises running it off-peak only.';

/** `em-logout logout-all --yes`: CUCM's own logoutAll, only when confirmed. */
export async function logoutAllCommand(
  context: CommandContext,
  options: { yes?: boolean },
): Promise<number> {
  if (options.yes !== true) {
    throw new CliUsageError(
      `${LOGOUT_ALL_WARNING}\nNothing was sent. To go ahead, run it again with --yes.`,
    );
  }
  const settings = settingsOf(context);
  context.out.warn(LOGOUT_ALL_WARNING);

  const outcome = await withClient(context, settings, { paced: false }, (client) =>
    client.logoutAll(),
  );
  const meta = {
    node: outcome.node ?? null,
    attempts: outcome.attempts,
    durationMs: outcome.durationMs,
  };
  if (!outcome.ok) {
    context.out.document({
      command: 'logout-all',
      ok: false,
      ...meta,
      error: failureJson(outcome.failure),
    });
    context.out.line(`logout-all failed: ${outcome.failure.description}`);
    return EXIT.failed;
  }
  context.out.document({ command: 'logout-all', ok: true, ...meta, error: null });
  context.out.line(
    `CUCM accepted logoutAll (${outcome.node ?? 'EM service'}): every device is being logged out.`,
  );
  return EXIT.ok;
}
