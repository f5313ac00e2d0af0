/* eslint-disable no-console -- the CLI entry of `npm run simulator`: printing is its job */
import { bannerText } from './banner.js';
import { readCliConfig } from './cli-config.js';
import { startSimulator } from './server.js';
import type { RunningSimulator } from './server.js';

const EXIT_USAGE = 2;

async function main(): Promise<void> {
  const read = readCliConfig(process.env);
  if (!read.ok) {
    console.error(read.message);
    process.exitCode = EXIT_USAGE;
    return;
  }

  const { config } = read;
  const simulator = await startSimulator(config);
  console.log(
    bannerText({
      url: simulator.url,
      hostPort: simulator.hostPort,
      devices: simulator.state.devices(),
      latencyMs: config.latencyMs,
      maxConcurrent: config.maxConcurrent,
    }),
  );

  process.once('SIGINT', () => stop(simulator, 'SIGINT'));
  process.once('SIGTERM', () => stop(simulator, 'SIGTERM'));
}

function stop(simulator: RunningSimulator, signal: NodeJS.Signals): void {
  simulator.close().then(
    () => console.log(`\n${signal}: simulator stopped`),
    (error: unknown) => {
      console.error(`${signal}: simulator did not close cleanly: ${describe(error)}`);
      process.exitCode = 1;
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(`simulator could not start: ${describe(error)}`);
  process.exitCode = 1;
});
