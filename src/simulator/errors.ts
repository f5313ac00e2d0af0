/** Codes of the errors the simulator throws at set-up time (never while answering). */
export type SimulatorErrorCode =
  | 'SIM_INVALID_OPTION'
  | 'SIM_DUPLICATE_NAME'
  | 'SIM_UNKNOWN_DEVICE'
  | 'SIM_UNKNOWN_USER'
  | 'SIM_UNKNOWN_PROFILE';

/**
 * A simulator was set up with a value it cannot use: a bad option, or a seed
 * that names a device, user or profile that does not exist.
 */
export class SimulatorSetupError extends Error {
  override readonly name = 'SimulatorSetupError';
  readonly code: SimulatorErrorCode;

  constructor(code: SimulatorErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function isSimulatorSetupError(value: unknown): value is SimulatorSetupError {
  return value instanceof SimulatorSetupError;
}
