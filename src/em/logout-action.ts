import type { Dispatcher } from 'undici';
import { EmClient } from './client.js';
import { parseVersion, resolveEndpoint, type CcmVersion, type EmEndpoint } from './endpoint.js';
import { EmConfigError } from './errors/index.js';
import { errorFailure, type EmFailure } from './failure.js';

/**
 * The Extension Mobility Logout action, with the original's parameter names.
 * AppId, AppCertificate and DeviceName are required; CallManagerHost wins over Url;
 * Version picks the URL (see endpoint.ts).
 */
export interface LogoutActionInput {
  readonly AppId?: string | null | undefined;
  readonly AppCertificate?: string | null | undefined;
  readonly DeviceName?: string | null | undefined;
  readonly Url?: string | null | undefined;
  readonly CallManagerHost?: string | null | undefined;
  readonly Version?: CcmVersion | string | null | undefined;
}

export interface LogoutActionResult {
  readonly Branch: 'Success' | 'Failure';
  /** CUCM's code on an EM failure; 0 on success and whenever CUCM's EM service never answered. */
  readonly ErrorCode: number;
  /** CUCM's own text on an EM failure; null when there was no EM answer to quote. */
  readonly ErrorMessage: string | null;
  /** What went wrong, for every Failure: which side, and a description for an admin. */
  readonly failure?: EmFailure;
  /** The node that answered, as host:port. */
  readonly node?: string;
  readonly attempts: number;
}

export interface LogoutActionOptions {
  readonly timeoutMs?: number;
  readonly dispatcher?: Dispatcher;
  readonly tls?: { readonly ca?: string | Buffer; readonly rejectUnauthorized?: boolean };
}

export async function runLogoutAction(
  input: LogoutActionInput,
  options: LogoutActionOptions = {},
): Promise<LogoutActionResult> {
  let prepared: { endpoint: EmEndpoint; appId: string; appCertificate: string; deviceName: string };
  try {
    prepared = prepare(input);
  } catch (error) {
    return {
      Branch: 'Failure',
      ErrorCode: 0,
      ErrorMessage: null,
      failure: errorFailure(error),
      attempts: 0,
    };
  }

  const client = new EmClient({
    endpoints: [prepared.endpoint],
    credentials: { appId: prepared.appId, appCertificate: prepared.appCertificate },
    ...options,
  });
  try {
    const outcome = await client.logout(prepared.deviceName);
    const node = outcome.node === undefined ? {} : { node: outcome.node };
    if (outcome.ok)
      return {
        Branch: 'Success',
        ErrorCode: 0,
        ErrorMessage: null,
        attempts: outcome.attempts,
        ...node,
      };
    const { failure } = outcome;
    return {
      Branch: 'Failure',
      ErrorCode: failure.kind === 'em' ? (failure.emCode ?? 0) : 0,
      ErrorMessage: failure.kind === 'em' ? (failure.emMessage ?? null) : null,
      failure,
      attempts: outcome.attempts,
      ...node,
    };
  } finally {
    await client.close();
  }
}

function prepare(input: LogoutActionInput) {
  const appId = required('AppId', input.AppId);
  const appCertificate = required('AppCertificate', input.AppCertificate, { trim: false });
  const deviceName = required('DeviceName', input.DeviceName);
  const version = parseVersion(input.Version);
  const endpoint = resolveEndpoint({
    callManagerHost: input.CallManagerHost,
    url: input.Url,
    version,
  });
  return { endpoint, appId, appCertificate, deviceName };
}

/** XML 1.0 cannot carry these; sending them would earn code 1 from CUCM at best. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function required(name: string, value: string | null | undefined, { trim = true } = {}): string {
  const text = trim ? (value ?? '').trim() : (value ?? '');
  if (text.trim() === '') throw new EmConfigError(name, `${name} is required and was not given`);
  if (NOT_XML.test(text))
    throw new EmConfigError(name, `${name} contains a control character that XML cannot carry`);
  return text;
}
