import { EmError } from './em-error.js';

export type NetworkReason =
  'refused' | 'reset' | 'dns' | 'tls' | 'unreachable' | 'open-circuit' | 'other';

/** No HTTP answer came back: the connection failed before or while talking to a node. */
export class EmNetworkError extends EmError {
  override name = 'EmNetworkError';
  readonly reason: NetworkReason;
  readonly url: string;

  constructor(reason: NetworkReason, url: string, detail: string, options?: { cause?: unknown }) {
    super('EM_NETWORK', `${describeReason(reason)} (${detail}): POST ${url}`, options);
    this.reason = reason;
    this.url = url;
  }
}

function describeReason(reason: NetworkReason): string {
  switch (reason) {
    case 'refused':
      return 'EM service refused the connection';
    case 'reset':
      return 'EM service closed the connection';
    case 'dns':
      return 'EM service host name could not be resolved';
    case 'tls':
      return 'TLS handshake with the EM service failed';
    case 'unreachable':
      return 'EM service host is unreachable';
    case 'open-circuit':
      return 'EM service not tried: its circuit is open';
    case 'other':
      return 'EM service could not be reached';
  }
}

export function isEmNetworkError(value: unknown): value is EmNetworkError {
  return value instanceof EmNetworkError;
}
