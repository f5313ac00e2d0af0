import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Secrets are removed by path, never by hope: the application user's password
 * under any of the names it travels by, and credentials in HTTP headers.
 */
export const REDACT_PATHS = [
  'appCertificate',
  '*.appCertificate',
  'config.em.appCertificate',
  'em.appCertificate',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'em-logout' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export type { Logger };
