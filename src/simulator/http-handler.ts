import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { pageAnswer } from './answers.js';
import type { HttpAnswer } from './answers.js';
import { readXmlField, splitTarget } from './form-input.js';
import { busyAnswer, endpointOf, isOperation, prepare, respond } from './protocol.js';
import type { PreparedRequest } from './protocol.js';
import type { SimulatorState } from './state.js';
import type { OperationSlots } from './throttle.js';

export interface HandlerContext {
  readonly state: SimulatorState;
  readonly slots: OperationSlots;
  readonly latencyMs: number;
  readonly queryLatencyMs: number;
  /** Aborted when the simulator closes, to cut short the simulated latency. */
  readonly signal: AbortSignal;
}

const ALLOWED_METHODS = 'GET, POST';

export function createHandler(context: HandlerContext): RequestListener {
  return function handleEmRequest(req, res) {
    serve(context, req).then(
      (answer) => send(res, answer),
      () => abandon(res, context.signal),
    );
  };
}

async function serve(context: HandlerContext, req: IncomingMessage): Promise<HttpAnswer> {
  const { path, query } = splitTarget(req.url ?? '/');
  const endpoint = endpointOf(path);
  if (endpoint === undefined) return discard(req, pageAnswer(404, path));
  if (req.method !== 'GET' && req.method !== 'POST') {
    return discard(req, pageAnswer(405, path, { Allow: ALLOWED_METHODS }));
  }

  const field = await readXmlField(req, query);
  if (field.kind === 'too-large') return pageAnswer(413, path, { Connection: 'close' });

  return run(context, prepare(endpoint, field.xml));
}

/** Applies a request with CUCM's timing: operations hold a slot, queries only wait. */
async function run(context: HandlerContext, prepared: PreparedRequest): Promise<HttpAnswer> {
  if (!prepared.ok) return respond(context.state, prepared);
  if (!isOperation(prepared)) {
    await pause(context.queryLatencyMs, context.signal);
    return respond(context.state, prepared);
  }

  if (!context.slots.tryAcquire()) return busyAnswer();
  try {
    // The state changes at the end of the latency, as a real operation completes.
    await pause(context.latencyMs, context.signal);
    return respond(context.state, prepared);
  } finally {
    context.slots.release();
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms > 0) await sleep(ms, undefined, { signal });
}

function discard(req: IncomingMessage, answer: HttpAnswer): HttpAnswer {
  req.resume();
  return answer;
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    'Content-Type': answer.contentType,
    'Content-Length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

// Reached when the simulator closes mid-request or the client went away;
// anything else is a simulator bug, shown to the client as Tomcat's 500.
function abandon(res: ServerResponse, signal: AbortSignal): void {
  if (signal.aborted || res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  send(res, pageAnswer(500, 'Internal Server Error'));
}
