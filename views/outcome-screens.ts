import type { DeviceUserOutcome, LogoutOutcome } from '../src/em/index.js';
import { confirmLogoutScreen } from './confirm-logout.js';
import type { ViewContext } from './context.js';
import { failedScreen } from './failed.js';
import { loggedOutScreen } from './logged-out.js';
import { nobodyLoggedInScreen } from './nobody-logged-in.js';
import type { Screen } from './screen.js';
import { unknownDeviceScreen } from './unknown-device.js';

/** Which screen answers a logout: "nobody logged in" (19) and "no such device" (11) have their own. */
export function logoutOutcomeScreen(
  context: ViewContext,
  device: string,
  outcome: LogoutOutcome,
): Screen {
  if (outcome.ok) return loggedOutScreen(context, device);
  const { failure } = outcome;
  if (failure.category === 'nobody-logged-in') return nobodyLoggedInScreen(context, device);
  if (failure.category === 'unknown-device') return unknownDeviceScreen(context, device);
  return failedScreen(context, 'logout', failure, device, context.links.logout(device));
}

/** Which screen answers "who is logged in?" before the confirm step. */
export function lookupOutcomeScreen(
  context: ViewContext,
  device: string,
  outcome: DeviceUserOutcome,
): Screen {
  if (!outcome.ok) {
    if (outcome.failure.category === 'unknown-device') {
      return unknownDeviceScreen(context, device);
    }
    if (outcome.failure.category === 'nobody-logged-in') {
      return nobodyLoggedInScreen(context, device);
    }
    return failedScreen(context, 'lookup', outcome.failure, device, context.links.confirm(device));
  }
  const found = outcome.device;
  switch (found.state) {
    case 'logged-in':
      return confirmLogoutScreen(context, device, found.userId);
    case 'nobody':
      return nobodyLoggedInScreen(context, device);
    case 'unknown-device':
      return unknownDeviceScreen(context, device);
  }
}
