import { isConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startService } from './service.js';

/**
 * `npm start`: configuration from the environment, then the service, until SIGTERM
 * or SIGINT. A bad configuration stops start-up with exit status 2 and a message per
 * variable.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    process.stderr.write(`em-logout: ${error.message}\n`);
    process.exit(2);
  }

  const logger = createLogger(config.logLevel);
  let service;
  try {
    service = await startService(config, logger);
  } catch (error) {
    const problem = listenProblem(error, config);
    if (problem === undefined) throw error;
    process.stderr.write(`em-logout: ${problem}\n`);
    process.exit(2);
  }
  if (config.demo) {
    process.stdout.write(
      `\nem-logout (demo) at ${service.url}\nTry: curl '${service.url}/logout?device=SEP001122334455'\n\n`,
    );
  }

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    service.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Listening fails for reasons of configuration: say which variable to change. */
function listenProblem(error: unknown, config: { port: number; host: string }): string | undefined {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'EADDRINUSE':
      return `PORT ${config.port} is already in use on ${config.host}: choose another PORT`;
    case 'EACCES':
      return `PORT ${config.port} needs privileges this process lacks: choose a PORT above 1023`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST must be an address of this machine (or 0.0.0.0 or ::), got '${config.host}'`;
    default:
      return undefined;
  }
}

await main();
