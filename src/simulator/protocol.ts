import { emAnswer, pageAnswer } from './answers.js';
import type { HttpAnswer } from './answers.js';
import { authFailureText, EmCode, emErrorText } from './em-codes.js';
import { parseRequest } from './request-parser.js';
import type { AppCredentials, EmOperation, EmQuery, EmRequest } from './request-parser.js';
import {
  deviceUserResultsXml,
  failureXml,
  successXml,
  userListResultsXml,
} from './response-writer.js';
import type { LoginResult, LogoutResult, SimulatorState } from './state.js';

/** Where a request arrived: the servlet (4.x and later) or CUCM 3.3's two ASP pages. */
export type Endpoint = 'servlet' | 'login-asp' | 'query-asp';

/** A request read and matched to its endpoint, not yet applied to the state. */
export type PreparedRequest =
  { ok: true; request: EmRequest } | { ok: false; code: EmCode; reason: string };

// Tomcat matches paths case-sensitively; before 4.1 the servlet lived under /EMservice.
const SERVLET_PATHS: ReadonlySet<string> = new Set([
  '/emservice/EMServiceServlet',
  '/EMservice/EMServiceServlet',
]);

export function endpointOf(path: string): Endpoint | undefined {
  if (SERVLET_PATHS.has(path)) return 'servlet';

  // CUCM 3.3 ran on IIS, which ignores the case of a path.
  const lower = path.toLowerCase();
  if (lower === '/loginservice/login.asp') return 'login-asp';
  if (lower === '/loginservice/query.asp') return 'query-asp';
  return undefined;
}

/**
 * Answers one EM request without any transport: `xmlText` is the value of
 * the `xml` form field (undefined when the field is missing).
 */
export function answer(
  state: SimulatorState,
  xmlText: string | undefined,
  { path }: { path: string },
): HttpAnswer {
  const endpoint = endpointOf(path);
  if (endpoint === undefined) return pageAnswer(404, path);

  return respond(state, prepare(endpoint, xmlText));
}

export function prepare(endpoint: Endpoint, xmlText: string | undefined): PreparedRequest {
  if (xmlText === undefined) return refuse(EmCode.ParseError, 'no xml field in the request');

  const parsed = parseRequest(xmlText);
  if (!parsed.ok) return refuse(parsed.code, parsed.reason);

  // CUCM 3.3 split the service in two: login.asp for requests, query.asp for queries.
  const { type } = parsed.request;
  if (endpoint === 'login-asp' && type === 'query') {
    return refuse(EmCode.ParseError, 'login.asp takes requests, not queries');
  }
  if (endpoint === 'query-asp' && type === 'operation') {
    return refuse(EmCode.QueryTypeUndetermined, 'query.asp takes queries, not requests');
  }
  return parsed;
}

/** True for login, logout and logoutAll: the requests CUCM's throttle counts. */
export function isOperation(prepared: PreparedRequest): boolean {
  return prepared.ok && prepared.request.type === 'operation';
}

export function respond(state: SimulatorState, prepared: PreparedRequest): HttpAnswer {
  if (!prepared.ok) return failureAnswer(prepared.code);

  const { request } = prepared;
  const refused = checkApp(state, request.app);
  if (refused !== undefined) return emAnswer(refused);

  return emAnswer(
    request.type === 'operation'
      ? applyOperation(state, request.operation)
      : runQuery(state, request.query),
  );
}

export function busyAnswer(): HttpAnswer {
  return failureAnswer(EmCode.Busy);
}

function checkApp(state: SimulatorState, { appId, password }: AppCredentials): string | undefined {
  if (appId.trim() === '' || password.trim() === '') return failure(EmCode.BlankAppCredentials);

  const verdict = state.authenticate(appId, password);
  if (verdict === 'bad-credentials')
    return failureXml(EmCode.InvalidAppUser, authFailureText(appId));
  if (verdict === 'no-proxy-rights') return failure(EmCode.NoProxyRights);
  return undefined;
}

function applyOperation(state: SimulatorState, operation: EmOperation): string {
  switch (operation.kind) {
    case 'logoutAll':
      state.logoutAll();
      return successXml();
    case 'logout':
      return outcomeXml(state.logout(operation.device));
    case 'login':
      return outcomeXml(state.login(operation.device, operation.userId, operation.profile));
  }
}

function runQuery(state: SimulatorState, query: EmQuery): string {
  switch (query.kind) {
    case 'deviceUser':
      return deviceUserResultsXml(
        query.devices.map((device) => ({ device, occupancy: state.whoIsOn(device) })),
      );
    case 'userDevices':
      return userListResultsXml(
        'userDevicesResults',
        query.users.map((userId) => ({ userId, names: state.devicesOf(userId) })),
      );
    case 'deviceProfile':
      return userListResultsXml(
        'deviceProfileResults',
        query.users.map((userId) => ({ userId, names: state.profilesOf(userId) })),
      );
  }
}

function outcomeXml(outcome: LoginResult | LogoutResult): string {
  return outcome.ok ? successXml() : failure(outcome.code);
}

function failure(code: EmCode): string {
  return failureXml(code, emErrorText(code));
}

function failureAnswer(code: EmCode): HttpAnswer {
  return emAnswer(failure(code));
}

function refuse(code: EmCode, reason: string): PreparedRequest {
  return { ok: false, code, reason };
}
