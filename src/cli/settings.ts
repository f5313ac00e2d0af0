import { isConfigError, loadConfig, type EmSettings } from '../config.js';
import { CliConfigError } from './errors.js';

/** The connection flags; each stands for one of the service's variables. */
export interface ConnectionFlags {
  readonly cucmHost?: string | undefined;
  readonly emUrl?: string | undefined;
  readonly cucmVersion?: string | undefined;
  readonly appId?: string | undefined;
  readonly appCertificateFile?: string | undefined;
  readonly timeoutMs?: string | undefined;
  readonly maxConcurrency?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The service's EM variables: the only ones the CLI reads. */
export const EM_VARIABLES = [
  'CUCM_HOST',
  'EM_URL',
  'CUCM_VERSION',
  'EM_APP_ID',
  'EM_APP_CERTIFICATE',
  'EM_APP_CERTIFICATE_FILE',
  'EM_TIMEOUT_MS',
  'EM_MAX_CONCURRENCY',
  'EM_CA_FILE',
  'EM_TLS_INSECURE',
] as const;

const FLAGS: readonly (readonly [keyof ConnectionFlags, string, string])[] = [
  ['cucmHost', 'CUCM_HOST', '--cucm-host'],
  ['emUrl', 'EM_URL', '--em-url'],
  ['cucmVersion', 'CUCM_VERSION', '--cucm-version'],
  ['appId', 'EM_APP_ID', '--app-id'],
  ['appCertificateFile', 'EM_APP_CERTIFICATE_FILE', '--app-certificate-file'],
  ['timeoutMs', 'EM_TIMEOUT_MS', '--timeout-ms'],
  ['maxConcurrency', 'EM_MAX_CONCURRENCY', '--max-concurrency'],
];

/**
 * EM settings as the service reads them, with flags in place of their variables.
 * Unlike the service, no CUCM is an error, not a cue to start the simulator: an
 * administrator's command must never act on a stand-in by accident.
 */
export function readEmSettings(env: Env, flags: ConnectionFlags): EmSettings {
  const merged = mergeFlags(pickEmVariables(env), flags);
  let settings: EmSettings;
  try {
    settings = loadConfig(merged).em;
  } catch (error) {
    if (!isConfigError(error)) throw error;
    const problems = error.problems.map((problem) => nameFlags(problem, flags));
    throw new CliConfigError(listProblems('Invalid EM settings', problems), problems);
  }
  if (settings.endpoints.length === 0) {
    const problem =
      'No CUCM to talk to: set CUCM_HOST (the publisher, host or host:port) or EM_URL, ' +
      'or pass --cucm-host or --em-url. The command line never falls back to the simulator.';
    throw new CliConfigError(problem, [problem]);
  }
  return settings;
}

/** Service-only variables (PORT, LOG_LEVEL...) must not stop an admin command. */
function pickEmVariables(env: Env): Record<string, string | undefined> {
  return Object.fromEntries(EM_VARIABLES.map((name) => [name, env[name]]));
}

function mergeFlags(env: Record<string, string | undefined>, flags: ConnectionFlags) {
  const merged = { ...env };
  for (const [key, variable] of FLAGS) {
    const value = flags[key];
    if (value !== undefined) merged[variable] = value;
  }
  // A flag beats the variable it stands for, even where the service would prefer the other one.
  if (flags.emUrl !== undefined && flags.cucmHost === undefined) delete merged['CUCM_HOST'];
  if (flags.appCertificateFile !== undefined) delete merged['EM_APP_CERTIFICATE'];
  return merged;
}

/** "EM_TIMEOUT_MS must be..." reads "--timeout-ms must be..." when the value came from the flag. */
function nameFlags(problem: string, flags: ConnectionFlags): string {
  for (const [key, variable, flag] of FLAGS) {
    if (flags[key] !== undefined && problem.startsWith(`${variable} `)) {
      return `${flag}${problem.slice(variable.length)}`;
    }
  }
  return problem;
}

export function listProblems(title: string, problems: readonly string[]): string {
  return `${title}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
}
