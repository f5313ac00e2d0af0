import { settingsOf, withClient, type CommandContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { failureJson } from '../format.js';

/** Longer user ids are a paste gone wrong: CUCM's own limit is far below this. */
const USER_ID_MAX = 256;

/** `em-logout where USERID`: the devices a user is logged in on. */
export async function whereCommand(context: CommandContext, value: string): Promise<number> {
  const userId = value.trim();
  if (userId === '' || userId.length > USER_ID_MAX) {
    throw new CliUsageError(`USERID must be a CUCM user id of 1 to ${USER_ID_MAX} characters`);
  }
  const settings = settingsOf(context);
  const outcome = await withClient(context, settings, { paced: false }, (client) =>
    client.userDevices(userId),
  );

  if (!outcome.ok) {
    context.out.document({
      command: 'where',
      userId,
      state: 'failed',
      devices: [],
      error: failureJson(outcome.failure),
    });
    context.out.line(`${userId}: failed: ${outcome.failure.description}`);
    return EXIT.failed;
  }
  const { state, deviceNames } = outcome;
  context.out.document({ command: 'where', userId, state, devices: deviceNames, error: null });
  if (state === 'logged-in') {
    context.out.line(`${userId} is logged in on:`);
    for (const device of deviceNames) context.out.line(`  ${device}`);
  } else {
    context.out.line(
      state === 'nobody'
        ? `${userId} is not logged in on any device`
        : `${userId}: CUCM knows no such user`,
    );
  }
  return state === 'unknown-user' ? EXIT.failed : EXIT.ok;
}
