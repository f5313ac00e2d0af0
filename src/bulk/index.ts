export {
  runBulkLogout,
  type BulkOptions,
  type BulkStatus,
  type BulkSummary,
  type BusyRetryOptions,
  type LogoutClient,
} from './engine.js';
export { AdaptiveWindow } from './adaptive-window.js';
export {
  DONE_OUTCOMES,
  EM_CODE_BUSY,
  EM_CODE_NOBODY,
  type BulkItem,
  type BulkOutcome,
  type BulkResult,
} from './result.js';
export {
  checkDevices,
  type AcceptedDevice,
  type CheckedDevices,
  type DeviceEntry,
  type DeviceProblem,
  type RejectedDevice,
} from './device-list.js';
export {
  lookUpDevices,
  type DeviceLookup,
  type DeviceUsersClient,
  type LookupOptions,
  type LookupRun,
} from './device-lookup.js';
export {
  BulkError,
  BulkOptionError,
  BulkResultHandlerError,
  isBulkError,
  isBulkOptionError,
  isBulkResultHandlerError,
} from './errors.js';
