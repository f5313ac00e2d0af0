export { renderScreen, LIMITS, type RenderedScreen, type RenderOptions } from './render.js';
export { logoutOutcomeScreen, lookupOutcomeScreen } from './outcome-screens.js';
export { badDeviceScreen } from './bad-device.js';
export { noticeScreen, type NoticeKind } from './notice.js';
export { catalogFor } from './i18n/index.js';
export { isSmallDisplay, type ViewContext, type Links } from './context.js';
export type { Screen, SoftKey, SoftKeyRole } from './screen.js';
