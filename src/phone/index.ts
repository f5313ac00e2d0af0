export { negotiateCharset, type PhoneCharset } from './charset.js';
export { readPhoneContext, type PhoneContext } from './context.js';
export {
  DEVICE_NAME_MAX,
  isValidDeviceName,
  readDeviceName,
  type DeviceNameResult,
} from './device-name.js';
export { readDisplay, type PhoneDisplay } from './display.js';
export { negotiateLanguage, type Language } from './locale.js';
export { readModel, type PhoneFamily, type PhoneModel } from './model.js';
export type { PhoneRequest } from './request.js';
