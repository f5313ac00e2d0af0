export { EmError, isEmError } from './em-error.js';
export { EmConfigError, isEmConfigError } from './config-error.js';
export { EmHttpStatusError, isEmHttpStatusError } from './http-status-error.js';
export { EmNetworkError, isEmNetworkError, type NetworkReason } from './network-error.js';
export { EmTimeoutError, isEmTimeoutError } from './timeout-error.js';
export { EmUnreadableAnswerError, isEmUnreadableAnswerError } from './unreadable-answer-error.js';
