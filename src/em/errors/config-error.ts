import { EmError } from './em-error.js';

/** The action's inputs cannot make a request: nothing was sent. */
export class EmConfigError extends EmError {
  override name = 'EmConfigError';
  readonly input: string;

  constructor(input: string, message: string) {
    super('EM_CONFIG', message);
    this.input = input;
  }
}

export function isEmConfigError(value: unknown): value is EmConfigError {
  return value instanceof EmConfigError;
}
