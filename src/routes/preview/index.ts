import { Router, type Request } from 'express';
import type { RequestListener } from 'node:http';
import type { AdminContext } from '../../admin/context.js';
import { singleValue } from '../../admin/input.js';
import { sendPage } from '../../admin/page-response.js';
import { requireSession, sessionOf } from '../../admin/page-session.js';
import { messagePage } from '../../admin/pages/message.js';
import { previewPage, type KeyTarget, type PreviewState } from '../../admin/pages/preview.js';
import { fetchOwnPath, type FetchedScreen } from '../../admin/preview/fetch.js';
import { DEFAULT_MODEL, findModel, type PreviewModel } from '../../admin/preview/models.js';
import { parsePhoneScreen } from '../../admin/preview/parse.js';
import { checkPreviewPath, ownPath, phoneUriEffect } from '../../admin/preview/target.js';

export interface PreviewOptions {
  /** This service's own app: the only thing the previewer ever fetches from. */
  readonly app: RequestListener;
  readonly publicUrl: URL | undefined;
  readonly timeoutMs?: number;
}

/** The largest document a 6900 accepts; more is "Data too large!" on that phone. */
const PHONE_DOCUMENT_MAX = 196_608;

const FETCH_MAX = 512 * 1024;

const DEFAULT_PATH = '/logout?device=SEP001122334455';

/**
 * /preview: a screen of this service drawn as a chosen phone shows it. The path
 * is fetched from the service's own app with that model's headers; soft keys
 * that point back at the service are followed as paths, phone URIs explained.
 */
export function previewRoutes(context: AdminContext, options: PreviewOptions): Router {
  const router = Router();

  router.get('/', requireSession(context), async function preview(req, res) {
    const session = sessionOf(res);
    const model =
      findModel(singleValue(req.query['model'])) ?? (findModel(DEFAULT_MODEL) as PreviewModel);
    const uri = singleValue(req.query['uri']);
    const rawPath = singleValue(req.query['path']);
    const path = rawPath?.trim() ?? DEFAULT_PATH;
    const state = await stateOf(req, model, uri, rawPath);
    const status = state.kind === 'refused' ? 400 : 200;
    sendPage(
      res,
      status,
      previewPage({ csrf: session.csrf, demo: context.demo, model, path, state }),
    );
  });

  async function stateOf(
    req: Request,
    model: PreviewModel,
    uri: string | undefined,
    rawPath: string | undefined,
  ): Promise<PreviewState> {
    if (uri !== undefined) {
      const effect = phoneUriEffect(uri);
      if (effect === undefined)
        return { kind: 'refused', problem: 'That is not a phone URI the previewer knows.' };
      return { kind: 'pressed', uri, effect };
    }
    if (rawPath === undefined) return { kind: 'empty' };
    const checked = checkPreviewPath(rawPath);
    if (!checked.ok) return { kind: 'refused', problem: checked.problem };

    const host = plausibleHost(req.headers.host);
    const headers = host === undefined ? { ...model.headers } : { ...model.headers, Host: host };
    let fetched: FetchedScreen;
    try {
      fetched = await fetchOwnPath(options.app, checked.path, {
        headers,
        timeoutMs: options.timeoutMs ?? 30_000,
        maxBytes: FETCH_MAX,
      });
    } catch (error) {
      context.logger.warn({ err: error, path: checked.path }, 'preview fetch failed');
      return {
        kind: 'refused',
        problem: `The service did not answer: ${(error as Error).message}`,
      };
    }
    const origins = originsOf(host, fetched.origin, options.publicUrl);
    return fetchedState(fetched, (url) => targetOf(model, url, origins));
  }

  router.use(requireSession(context), function previewNotFound(_req, res) {
    const message = 'There is no such previewer page.';
    const page = messagePage({
      title: 'Not found',
      message,
      csrf: sessionOf(res).csrf,
      demo: context.demo,
    });
    sendPage(res, 404, page);
  });
  return router;
}

function fetchedState(fetched: FetchedScreen, target: (url: string) => KeyTarget): PreviewState {
  const problems: string[] = [];
  if (fetched.status !== 200) {
    problems.push(
      `HTTP ${fetched.status}: the phone shows "HTTP Error [${fetched.status}]", not a screen`,
    );
  }
  if (!/^text\/xml\b/i.test(fetched.contentType ?? '')) {
    problems.push(`Content-Type ${fetched.contentType ?? '(none)'}: phones expect text/xml`);
  }
  if (fetched.body.length > PHONE_DOCUMENT_MAX) {
    problems.push(`${fetched.body.length} bytes: a 6900 shows "Data too large!"`);
  }
  const parsed = parsePhoneScreen(fetched.text);
  if (!parsed.ok) problems.push(parsed.problem);
  const screen = parsed.ok ? parsed.screen : undefined;
  if (screen !== undefined) problems.push(...screen.problems);
  return {
    kind: 'fetched',
    status: fetched.status,
    contentType: fetched.contentType,
    xml: fetched.text,
    screen,
    problems,
    target,
  };
}

function targetOf(model: PreviewModel, url: string, origins: readonly string[]): KeyTarget {
  const modelParam = `model=${encodeURIComponent(model.name)}`;
  const effect = phoneUriEffect(url);
  if (effect !== undefined) {
    return {
      kind: 'phone',
      uri: url,
      effect,
      href: `/preview?${modelParam}&uri=${encodeURIComponent(url)}`,
    };
  }
  const path = ownPath(url, origins);
  if (path !== undefined) {
    return { kind: 'follow', href: `/preview?${modelParam}&path=${encodeURIComponent(path)}` };
  }
  if (url === '') return { kind: 'none', reason: 'no URL' };
  return { kind: 'none', reason: `not followed: ${url} is not a page of this service` };
}

/** This service as soft key URLs may name it: PUBLIC_URL, the Host the admin used, the listener. */
function originsOf(
  host: string | undefined,
  listener: string,
  publicUrl: URL | undefined,
): string[] {
  const origins = [listener];
  if (publicUrl !== undefined) origins.push(publicUrl.origin);
  if (host !== undefined) origins.push(`http://${host}`, `https://${host}`);
  return origins;
}

/** The Host the admin's browser used, when it reads as host[:port]; it becomes part of soft key URLs. */
function plausibleHost(host: string | undefined): string | undefined {
  const value = host?.trim();
  if (value === undefined || value.length > 100) return undefined;
  return /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(value) ? value : undefined;
}
