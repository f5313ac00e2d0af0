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
  // Synchronous stdout: lines keep their order and none is lost when the process
  // exits right after a shutdown; the service logs a few lines per request.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

export type { Logger };
