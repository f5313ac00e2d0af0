export {
  EmClient,
  type EmClientOptions,
  type LogoutOutcome,
  type DeviceUserOutcome,
  type DeviceUsersOutcome,
  type UserDevicesOutcome,
} from './client.js';
export {
  runLogoutAction,
  type LogoutActionInput,
  type LogoutActionResult,
  type LogoutActionOptions,
} from './logout-action.js';
export { resolveEndpoint, parseVersion, type CcmVersion, type EmEndpoint } from './endpoint.js';
export {
  emCodeInfo,
  documentedEmCodes,
  type EmCodeCategory,
  type EmCodeInfo,
} from './error-codes.js';
export type { EmFailure, FailureKind } from './failure.js';
export type { AttemptEvent, EmCall } from './attempt-event.js';
export type { DeviceUser } from './answers.js';
export type { AppCredentials } from './credentials.js';
export * from './errors/index.js';
