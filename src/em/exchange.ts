import type { Dispatcher } from 'undici';
import type { CircuitBreaker } from './breaker.js';
import type { EmEndpoint } from './endpoint.js';
import { EmNetworkError, EmTimeoutError, EmUnreadableAnswerError } from './errors/index.js';
import type { Deadline } from './deadline.js';
import { postForm } from './transport.js';
import { readXml, type XmlNode } from './xml-reader.js';

export interface ExchangeOptions {
  readonly dispatcher: Dispatcher;
  readonly deadline: Deadline;
  readonly maxAnswerBytes: number;
  readonly breaker: CircuitBreaker;
}

export interface Exchanged<T> {
  readonly answer: T;
  readonly node: string;
}

/**
 * Sends one document to the first node that answers at the network level, in the
 * order given, and reads the answer with `read`. A node that refuses, resets or
 * cannot be resolved is skipped, and so is one whose circuit is open; an HTTP or
 * EM answer from a node is final.
 */
export async function exchange<T>(
  endpoints: readonly EmEndpoint[],
  which: 'request' | 'query',
  form: string,
  read: (root: XmlNode) => T | undefined,
  options: ExchangeOptions,
): Promise<Exchanged<T>> {
  const { breaker } = options;
  let lastError: unknown;
  for (const endpoint of endpoints) {
    if (!breaker.canTry(endpoint.node)) continue;
    const url = which === 'request' ? endpoint.requestUrl : endpoint.queryUrl;
    try {
      const text = await postForm(url, form, options);
      breaker.success(endpoint.node);
      return { answer: readAnswer(text, url, read), node: endpoint.node };
    } catch (error) {
      // A reset is retried by the client, which counts it once if the operation fails.
      const reset = error instanceof EmNetworkError && error.reason === 'reset';
      const networkLevel = error instanceof EmNetworkError || error instanceof EmTimeoutError;
      if (networkLevel && !reset) breaker.failure(endpoint.node);
      if (!networkLevel) breaker.success(endpoint.node);
      if (!(error instanceof EmNetworkError)) throw error;
      lastError = error;
    }
  }
  throw lastError ?? openCircuitError(endpoints, which);
}

function openCircuitError(endpoints: readonly EmEndpoint[], which: 'request' | 'query') {
  const first = endpoints[0];
  const url =
    first === undefined ? '' : (which === 'request' ? first.requestUrl : first.queryUrl).href;
  return new EmNetworkError(
    'open-circuit',
    url,
    'every node failed repeatedly; waiting before the next try',
  );
}

function readAnswer<T>(text: string, url: URL, read: (root: XmlNode) => T | undefined): T {
  const parsed = readXml(text);
  if (!parsed.ok) throw new EmUnreadableAnswerError(url.href, parsed.problem);
  const answer = read(parsed.root);
  if (answer === undefined) {
    throw new EmUnreadableAnswerError(url.href, `unexpected <${parsed.root.name}> document`);
  }
  return answer;
}
