/** Settings of `npm run simulator`, read from SIM_* environment variables. */
export interface CliConfig {
  host: string;
  port: number;
  latencyMs: number;
  maxConcurrent: number;
}

export type CliConfigResult = { ok: true; config: CliConfig } | { ok: false; message: string };

type Env = Readonly<Record<string, string | undefined>>;
type Read<T> = { ok: true; value: T } | { ok: false; message: string };

interface IntegerVariable {
  name: string;
  fallback: number;
  min: number;
  max: number;
  unit: string;
}

const PORT: IntegerVariable = { name: 'SIM_PORT', fallback: 8080, min: 0, max: 65535, unit: '' };
const LATENCY: IntegerVariable = {
  name: 'SIM_LATENCY_MS',
  fallback: 0,
  min: 0,
  max: 600_000,
  unit: ' milliseconds',
};
const MAX_CONCURRENT: IntegerVariable = {
  name: 'SIM_MAX_CONCURRENT',
  fallback: 5,
  min: 1,
  max: 100,
  unit: '',
};

/** Reads and checks the SIM_* variables; the first bad one is reported. */
export function readCliConfig(env: Env): CliConfigResult {
  const host = readHost(env);
  if (!host.ok) return host;
  const port = readInteger(env, PORT);
  if (!port.ok) return port;
  const latencyMs = readInteger(env, LATENCY);
  if (!latencyMs.ok) return latencyMs;
  const maxConcurrent = readInteger(env, MAX_CONCURRENT);
  if (!maxConcurrent.ok) return maxConcurrent;

  return {
    ok: true,
    config: {
      host: host.value,
      port: port.value,
      latencyMs: latencyMs.value,
      maxConcurrent: maxConcurrent.value,
    },
  };
}

function readHost(env: Env): Read<string> {
  const raw = env['SIM_HOST'];
  if (raw === undefined || raw === '') return { ok: true, value: '127.0.0.1' };
  if (/\s/.test(raw)) {
    return { ok: false, message: `SIM_HOST must be a host name or IP address, got '${raw}'` };
  }
  return { ok: true, value: raw };
}

function readInteger(env: Env, variable: IntegerVariable): Read<number> {
  const raw = env[variable.name];
  if (raw === undefined || raw === '') return { ok: true, value: variable.fallback };

  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < variable.min || value > variable.max) {
    const { name, min, max, unit } = variable;
    return {
      ok: false,
      message: `${name} must be an integer from ${min} to ${max}${unit}, got '${raw}'`,
    };
  }
  return { ok: true, value };
}
