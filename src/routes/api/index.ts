import express, {
  Router,
  type NextFunction,
  type Request,
  type Response,
  type RequestHandler,
} from 'express';
import { emCallOf } from '../../ops/index.js';
import { logOutDevice, startBulkJob } from '../../admin/actions.js';
import { ApiError, emApiError, isApiError } from '../../admin/api-error.js';
import { attemptLimiter } from '../../admin/attempts.js';
import { bearerToken } from '../../admin/auth.js';
import type { AdminContext } from '../../admin/context.js';
import { readCookie, SESSION_COOKIE } from '../../admin/cookies.js';
import { canonicalDevice, canonicalUserId, singleValue } from '../../admin/input.js';
import { isJobLimitError, type JobInput, type JobView } from '../../admin/jobs.js';

const JSON_LIMIT = '512kb';

/**
 * The JSON API under /api. A client authenticates with `Authorization: Bearer
 * ADMIN_TOKEN`; the admin page's own session cookie is accepted for GET only, so
 * that its script can poll a bulk job while nothing a cookie carries can change
 * anything (no CSRF surface on the API).
 */
export function apiRoutes(context: AdminContext): Router {
  const router = Router();
  router.use(function apiHeaders(_req, res, next) {
    res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    next();
  });
  router.use(
    attemptLimiter(context.attempts, function apiTooManyAttempts(_req, res) {
      sendError(res, new ApiError(429, 'too_many_attempts', 'too many wrong tokens; try later'));
    }),
  );
  router.use(authenticate(context));
  router.use(express.json({ limit: JSON_LIMIT }));

  router.get('/devices/:device', async function getDeviceUser(req, res) {
    const device = deviceParam(req);
    const outcome = await context.em.deviceUser(device, emCallOf(res));
    if (!outcome.ok) throw emApiError(outcome.failure);
    const found = outcome.device;
    if (found.state === 'unknown-device') throw unknownDevice(device);
    res.status(200).json({
      device,
      state: found.state,
      userId: found.state === 'logged-in' ? found.userId : null,
      lastUserId: found.lastLogin ?? null,
    });
  });

  router.get('/users/:userId/devices', async function getUserDevices(req, res) {
    const userId = canonicalUserId(req.params['userId']);
    if (userId === undefined) {
      throw new ApiError(400, 'invalid_user', 'a user id is 1 to 128 printable characters');
    }
    const outcome = await context.em.userDevices(userId, emCallOf(res));
    if (!outcome.ok) throw emApiError(outcome.failure);
    if (outcome.state === 'unknown-user') {
      throw new ApiError(404, 'unknown_user', `CUCM knows no user ${userId}`);
    }
    res.status(200).json({ userId, state: outcome.state, devices: outcome.deviceNames });
  });

  router.post('/devices/:device/logout', async function postLogout(req, res) {
    const device = deviceParam(req);
    const verdict = await logOutDevice(context, device, 'api', emCallOf(res));
    if (verdict.outcome === 'failed') {
      if (verdict.failure.emCode === 11) throw unknownDevice(device);
      throw emApiError(verdict.failure);
    }
    const repeated = verdict.outcome === 'logged-out' ? verdict.repeated : false;
    res.status(200).json({ device, outcome: verdict.outcome, repeated });
  });

  router.post('/bulk', function postBulk(req, res) {
    const devices = bulkDevices(req.body);
    const rows = devices.map((value, index) => ({ line: index + 1, values: [value] }));
    const job = startJob(context, { header: ['device'], deviceIndex: 0, rows });
    res.status(202).location(`/api/bulk/${job.jobId}`).json({ jobId: job.jobId });
  });

  router.get('/bulk/:jobId', function getBulk(req, res) {
    res.status(200).json(jobJson(findJob(context, req)));
  });

  router.get('/bulk/:jobId/report.csv', function getBulkReport(req, res) {
    const job = findJob(context, req);
    if (job.status === 'running') {
      throw new ApiError(409, 'job_running', 'the job is still running; the report follows');
    }
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="em-logout-bulk-${job.jobId}.csv"`,
      })
      .send(context.jobs.report(job.jobId));
  });

  router.use(function apiNotFound(req) {
    throw new ApiError(404, 'not_found', `no API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  router.use(function apiError(err: unknown, _req: Request, res: Response, _next: NextFunction) {
    const error = asApiError(err);
    if (error.status >= 500 && error.failure === undefined) {
      context.logger.error({ err }, 'API request failed inside the service');
    }
    sendError(res, error);
  });
  return router;
}

function authenticate(context: AdminContext): RequestHandler {
  return function requireToken(req, res, next) {
    const token = bearerToken(req.headers.authorization);
    if (token !== undefined && context.tokens.matches(token)) return next();
    const safe = req.method === 'GET' || req.method === 'HEAD';
    if (token === undefined && safe) {
      const session = context.sessions.find(readCookie(req, SESSION_COOKIE));
      if (session !== undefined) return next();
    }
    context.logger.warn({ source: req.ip, path: req.path }, 'API request without a valid token');
    res.set('WWW-Authenticate', 'Bearer realm="em-logout"');
    sendError(
      res,
      new ApiError(401, 'unauthorized', 'send the admin token as Authorization: Bearer <token>'),
    );
  };
}

function deviceParam(req: Request): string {
  const raw = req.params['device'];
  const device = canonicalDevice(raw);
  if (device === undefined) {
    throw new ApiError(
      400,
      'invalid_device',
      "not a device name: SEP and 12 hex digits, or letters, digits, '.', '_', '-'",
    );
  }
  return device;
}

function unknownDevice(device: string): ApiError {
  return new ApiError(404, 'unknown_device', `CUCM knows no device ${device}`);
}

function bulkDevices(body: unknown): string[] {
  const devices: unknown =
    typeof body === 'object' && body !== null && Object.hasOwn(body, 'devices')
      ? (body as { devices: unknown }).devices
      : undefined;
  if (!Array.isArray(devices) || devices.length === 0) {
    throw new ApiError(
      400,
      'invalid_body',
      'send {"devices": ["SEP…", …]} with Content-Type: application/json',
    );
  }
  const invalid = devices.flatMap((value: unknown, index) =>
    canonicalDevice(value) === undefined ? [{ index, value }] : [],
  );
  if (invalid.length > 0) {
    throw new ApiError(
      400,
      'invalid_device',
      `${invalid.length} of the devices are not device names`,
      {
        details: invalid.slice(0, 20),
      },
    );
  }
  return devices as string[];
}

function startJob(context: AdminContext, input: JobInput): JobView {
  try {
    return startBulkJob(context, input, 'api');
  } catch (error) {
    if (!isJobLimitError(error)) throw error;
    throw new ApiError(error.code === 'too_many_jobs' ? 429 : 413, error.code, error.message);
  }
}

function findJob(context: AdminContext, req: Request): JobView {
  const job = context.jobs.view(singleValue(req.params['jobId']) ?? '');
  if (job === undefined)
    throw new ApiError(404, 'not_found', 'no such bulk job (jobs are kept in memory, the last 20)');
  return job;
}

/** The wire form: absent values as null, so clients see every field. */
export function jobJson(job: JobView) {
  return {
    jobId: job.jobId,
    status: job.status,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
    total: job.total,
    done: job.done,
    counts: job.counts,
    results: job.results.map((row) => ({
      line: row.line,
      device: row.device,
      outcome: row.outcome,
      emCode: row.emCode ?? null,
      message: row.message,
      attempts: row.attempts,
      durationMs: row.durationMs,
    })),
  };
}

function asApiError(err: unknown): ApiError {
  if (isApiError(err)) return err;
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed')
    return new ApiError(400, 'invalid_body', 'the body is not JSON');
  if (type === 'entity.too.large') {
    return new ApiError(413, 'too_large', `the body is larger than ${JSON_LIMIT}`);
  }
  if (type !== undefined) return new ApiError(400, 'invalid_body', 'the body cannot be read');
  return new ApiError(500, 'internal', 'the request failed inside the service');
}

function sendError(res: Response, error: ApiError): void {
  res.status(error.status).json(error.toJSON());
}
