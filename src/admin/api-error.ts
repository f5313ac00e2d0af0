import type { EmFailure } from '../em/index.js';

/** Every code the JSON API answers with; docs/openapi.yaml lists the same set. */
export type ApiErrorCode =
  | 'unauthorized'
  | 'invalid_device'
  | 'invalid_user'
  | 'invalid_body'
  | 'too_large'
  | 'too_many_devices'
  | 'too_many_jobs'
  | 'too_many_attempts'
  | 'not_found'
  | 'unknown_device'
  | 'unknown_user'
  | 'job_running'
  | 'em_failure'
  | 'em_unreachable'
  | 'em_unreadable'
  | 'em_timeout'
  | 'internal';

/** An API answer other than success: a stable code, an HTTP status and one line for people. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly failure: EmFailure | undefined;
  readonly details: unknown;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    extra: { failure?: EmFailure; details?: unknown } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.failure = extra.failure;
    this.details = extra.details;
  }

  toJSON(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.failure !== undefined) error['failure'] = this.failure;
    if (this.details !== undefined) error['details'] = this.details;
    return { error };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * What an EM failure means to an API client: CUCM said no (502 em_failure), CUCM
 * could not be reached or answered nonsense (502), or did not answer in time (504).
 */
export function emApiError(failure: EmFailure): ApiError {
  switch (failure.kind) {
    case 'em':
      return new ApiError(502, 'em_failure', failure.description, { failure });
    case 'timeout':
      return new ApiError(504, 'em_timeout', failure.description, { failure });
    case 'unreadable':
      return new ApiError(502, 'em_unreadable', failure.description, { failure });
    case 'http':
    case 'network':
      return new ApiError(502, 'em_unreachable', failure.description, { failure });
    case 'config':
      return new ApiError(500, 'internal', failure.description, { failure });
  }
}
