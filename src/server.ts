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
  const service = await startService(config, logger);
  if (config.demo) {
    process.stdout.write(
      `\nem-logout (demo) at ${service.url}\nTry: curl '${service.url}/logout?device=SEP001122334455'\n\n`,
    );
  }

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

await main();
