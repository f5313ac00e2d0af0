import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { EmCall } from '../../em/index.js';
import { emCallOf } from '../../ops/index.js';
import { logOutDevice, messageOf, startBulkJob } from '../../admin/actions.js';
import { ADMIN_CSS, ADMIN_SCRIPT } from '../../admin/assets.js';
import type { AdminContext } from '../../admin/context.js';
import { canonicalDevice, canonicalUserId, singleValue } from '../../admin/input.js';
import { isJobLimitError, type JobInput } from '../../admin/jobs.js';
import { seeOther, sendPage } from '../../admin/page-response.js';
import { requireCsrf, requireSession, sessionOf } from '../../admin/page-session.js';
import { confirmPage } from '../../admin/pages/confirm.js';
import { homePage, type SearchKind, type SearchResult } from '../../admin/pages/home.js';
import { jobPage } from '../../admin/pages/job.js';
import { messagePage } from '../../admin/pages/message.js';
import { isBulkInputError } from '../../bulk/errors.js';
import { readDeviceCsv } from '../../bulk/device-csv.js';

const CSV_LIMIT = '1mb';

const INVALID_DEVICE =
  "is not a device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')";

/** The admin page under /admin: look up, log out with a confirm step, bulk runs. */
export function adminPageRoutes(context: AdminContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: CSV_LIMIT, parameterLimit: 10 });
  const signedIn = requireSession(context);
  const csrf = requireCsrf(context);

  router.get('/assets/admin.css', function adminCss(_req, res) {
    res.status(200).set({ 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.send(ADMIN_CSS);
  });
  router.get('/assets/admin.js', function adminJs(_req, res) {
    res
      .status(200)
      .set({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.send(ADMIN_SCRIPT);
  });

  router.get('/', signedIn, async function home(req, res) {
    const session = sessionOf(res);
    const flash = session.flash;
    session.flash = undefined;
    const query = singleValue(req.query['q'])?.trim() ?? '';
    const searchKind: SearchKind = req.query['kind'] === 'user' ? 'user' : 'device';
    const result = await search(context, query, searchKind, emCallOf(res));
    const page = homePage({
      csrf: session.csrf,
      demo: context.demo,
      query,
      searchKind,
      result,
      flash,
      bulkError: undefined,
      csv: 'device\n',
      recent: context.recent.list(),
    });
    sendPage(res, result.kind === 'invalid' ? 400 : 200, page);
  });

  router.get('/confirm', signedIn, async function confirmLogout(req, res) {
    const session = sessionOf(res);
    const raw = singleValue(req.query['device']) ?? '';
    const device = canonicalDevice(raw);
    if (device === undefined) return invalidDevice(res, raw);
    const outcome = await context.em.deviceUser(device, emCallOf(res));
    sendPage(res, 200, confirmPage({ csrf: session.csrf, demo: context.demo, device, outcome }));
  });

  router.post('/logout', signedIn, form, csrf, async function logout(req, res) {
    const session = sessionOf(res);
    const raw = singleValue((req.body as Record<string, unknown>)['device']) ?? '';
    const device = canonicalDevice(raw);
    if (device === undefined) return invalidDevice(res, raw);
    const verdict = await logOutDevice(context, device, 'page', emCallOf(res));
    session.flash =
      verdict.outcome === 'failed'
        ? `${device}: the logout failed: ${messageOf(verdict)}`
        : `${device}: ${messageOf(verdict)}.`;
    seeOther(res, `/admin?kind=device&q=${encodeURIComponent(device)}`);
  });

  router.post('/bulk', signedIn, form, csrf, function bulk(req, res) {
    const session = sessionOf(res);
    const csv = singleValue((req.body as Record<string, unknown>)['csv']) ?? '';
    const input = readJobInput(csv);
    if (typeof input === 'string') return bulkRefused(res, input, csv);
    try {
      const job = startBulkJob(context, input, 'page');
      seeOther(res, `/admin/bulk/${job.jobId}`);
    } catch (error) {
      if (!isJobLimitError(error)) throw error;
      bulkRefused(res, error.message, csv);
    }

    function bulkRefused(res: Response, message: string, text: string) {
      const page = homePage({
        csrf: session.csrf,
        demo: context.demo,
        query: '',
        searchKind: 'device',
        result: { kind: 'none' },
        flash: undefined,
        bulkError: message,
        csv: text,
        recent: context.recent.list(),
      });
      sendPage(res, 400, page);
    }
  });

  router.get('/bulk/:jobId', signedIn, function bulkJob(req, res) {
    const session = sessionOf(res);
    const job = context.jobs.view(singleValue(req.params['jobId']) ?? '');
    if (job === undefined) {
      const message = 'No such bulk job. Jobs are kept in memory: the last 20, until a restart.';
      return sendPage(
        res,
        404,
        messagePage({ title: 'Not found', message, csrf: session.csrf, demo: context.demo }),
      );
    }
    sendPage(res, 200, jobPage({ csrf: session.csrf, demo: context.demo, job }));
  });

  router.use(signedIn, function adminNotFound(_req, res) {
    const message = 'There is no such admin page.';
    sendPage(
      res,
      404,
      messagePage({ title: 'Not found', message, csrf: sessionOf(res).csrf, demo: context.demo }),
    );
  });
  router.use(function adminError(err: unknown, req: Request, res: Response, _next: NextFunction) {
    const type = (err as { type?: unknown } | null)?.type;
    const tooLarge = type === 'entity.too.large';
    if (!tooLarge)
      context.logger.error({ err, path: req.path }, 'admin page failed inside the service');
    if (res.headersSent) return;
    const message = tooLarge
      ? `The form is larger than ${CSV_LIMIT}: split the CSV into smaller files.`
      : 'Something went wrong inside the service; the log says what.';
    const csrfToken = (res.locals['session'] as { csrf?: string } | undefined)?.csrf;
    sendPage(
      res,
      tooLarge ? 413 : 500,
      messagePage({
        title: tooLarge ? 'Too large' : 'Error',
        message,
        csrf: csrfToken,
        demo: context.demo,
      }),
    );
  });

  function invalidDevice(res: Response, raw: string) {
    const message = `'${raw.slice(0, 60)}' ${INVALID_DEVICE}.`;
    const session = sessionOf(res);
    sendPage(
      res,
      400,
      messagePage({ title: 'Not a device', message, csrf: session.csrf, demo: context.demo }),
    );
  }

  return router;
}

async function search(
  context: AdminContext,
  query: string,
  kind: SearchKind,
  call: EmCall,
): Promise<SearchResult> {
  if (query === '') return { kind: 'none' };
  if (kind === 'device') {
    const device = canonicalDevice(query);
    if (device === undefined)
      return { kind: 'invalid', message: `'${query.slice(0, 60)}' ${INVALID_DEVICE}.` };
    return { kind: 'device', device, outcome: await context.em.deviceUser(device, call) };
  }
  const userId = canonicalUserId(query);
  if (userId === undefined)
    return { kind: 'invalid', message: 'A user id is 1 to 128 printable characters.' };
  return { kind: 'user', userId, outcome: await context.em.userDevices(userId, call) };
}

/** The uploaded CSV as a job, or what is wrong with it. */
function readJobInput(csv: string): JobInput | string {
  let read;
  try {
    read = readDeviceCsv(csv, 'The CSV');
  } catch (error) {
    if (isBulkInputError(error)) return error.message;
    throw error;
  }
  if (read.rows.length === 0 && read.problems.length === 0) {
    return 'The CSV names no device: add one line per device below the header.';
  }
  return {
    header: read.header,
    deviceIndex: read.deviceIndex,
    rows: read.rows,
    problems: read.problems,
  };
}
