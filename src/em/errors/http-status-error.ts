import { EmError } from './em-error.js';

/**
 * The EM service answered with a status other than 200. CUCM answers 200 for every
 * EM outcome, so this means the service was not reached properly (Tomcat 404 when
 * the service is not activated, a proxy's 5xx, ...).
 */
export class EmHttpStatusError extends EmError {
  override name = 'EmHttpStatusError';
  readonly status: number;
  readonly url: string;

  constructor(status: number, url: string) {
    super('EM_HTTP_STATUS', `EM service answered HTTP ${status}: POST ${url}`);
    this.status = status;
    this.url = url;
  }
}

export function isEmHttpStatusError(value: unknown): value is EmHttpStatusError {
  return value instanceof EmHttpStatusError;
}
