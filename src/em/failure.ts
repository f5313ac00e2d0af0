import { emCodeInfo, type EmCodeCategory } from './error-codes.js';
import type { EmFailureAnswer } from './answers.js';
import {
  EmConfigError,
  EmHttpStatusError,
  EmNetworkError,
  EmTimeoutError,
  EmUnreadableAnswerError,
  type NetworkReason,
} from './errors/index.js';

/**
 * Why an EM operation did not succeed, as data. Unlike the original action, a
 * transport failure never looks like EM code 0: `kind` says which side failed.
 */
export type FailureKind = 'em' | 'http' | 'network' | 'timeout' | 'unreadable' | 'config';

export interface EmFailure {
  readonly kind: FailureKind;
  /** For kind 'em': CUCM's code (0 when its answer carried none) and its own text. */
  readonly emCode?: number;
  readonly emMessage?: string;
  readonly category?: EmCodeCategory;
  /** For kind 'http': the status CUCM's web server answered. */
  readonly status?: number;
  /** For kind 'network'. */
  readonly reason?: NetworkReason;
  /** One line for an administrator; never contains a secret. */
  readonly description: string;
}

export function emAnswerFailure(answer: EmFailureAnswer): EmFailure {
  const code = answer.code ?? 0;
  const info = emCodeInfo(code);
  const text = answer.message === '' ? info.meaning : answer.message;
  return {
    kind: 'em',
    emCode: code,
    emMessage: answer.message,
    category: answer.code === undefined ? 'unknown' : info.category,
    description: `EM service refused: code ${code} (${info.meaning}): ${text}`,
  };
}

export function errorFailure(error: unknown): EmFailure {
  if (error instanceof EmConfigError) return { kind: 'config', description: error.message };
  if (error instanceof EmHttpStatusError) {
    return { kind: 'http', status: error.status, description: error.message };
  }
  if (error instanceof EmNetworkError) {
    return { kind: 'network', reason: error.reason, description: error.message };
  }
  if (error instanceof EmTimeoutError) return { kind: 'timeout', description: error.message };
  if (error instanceof EmUnreadableAnswerError) {
    return { kind: 'unreadable', description: error.message };
  }
  // Anything else is a bug of ours; say so without leaking its text (it may hold input).
  return { kind: 'unreadable', description: 'EM request failed unexpectedly' };
}
