/**
 * Which paths the previewer may fetch: this service's phone routes only. The
 * previewer never fetches a URL someone typed: a path is resolved against a
 * placeholder origin and refused if it tries to leave it, and admin paths are
 * refused so that a preview cannot act on the admin surface (or preview itself).
 */
const PLACEHOLDER = 'http://preview.invalid';

const REFUSED_PREFIXES = ['/admin', '/api', '/preview'];

export const PATH_MAX = 512;

export type PathCheck = { ok: true; path: string } | { ok: false; problem: string };

export function checkPreviewPath(raw: unknown): PathCheck {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, problem: 'Enter a path of this service, such as /logout?device=SEP…' };
  }
  const text = raw.trim();
  if (text.length > PATH_MAX)
    return { ok: false, problem: `A path is at most ${PATH_MAX} characters.` };
  if (!text.startsWith('/') || text.startsWith('//') || text.includes('\\')) {
    return {
      ok: false,
      problem: 'Only a path of this service, starting with one /, can be previewed.',
    };
  }
  let url: URL;
  try {
    url = new URL(text, PLACEHOLDER);
  } catch {
    return { ok: false, problem: 'That path cannot be read.' };
  }
  if (url.origin !== PLACEHOLDER) {
    return { ok: false, problem: 'Only a path of this service can be previewed.' };
  }
  // Express matches routes case-insensitively: so must this.
  const lower = url.pathname.toLowerCase();
  const refused = REFUSED_PREFIXES.find(
    (prefix) => lower === prefix || lower.startsWith(`${prefix}/`),
  );
  if (refused !== undefined) {
    return { ok: false, problem: `Paths under ${refused} are not phone screens.` };
  }
  return { ok: true, path: `${url.pathname}${url.search}` };
}

/**
 * The path of a soft key or menu URL, when it points at this service (its origin
 * is the service's base URL); undefined for anything else, which is then shown,
 * never followed.
 */
export function ownPath(url: string, serviceOrigins: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!serviceOrigins.includes(parsed.origin)) return undefined;
  const checked = checkPreviewPath(`${parsed.pathname}${parsed.search}`);
  return checked.ok ? checked.path : undefined;
}

/** What the phone does for the URIs of the reference's §2. */
const PHONE_URIS: Readonly<Record<string, string>> = {
  'SoftKey:Exit': 'The phone leaves this screen and goes back to the Services list.',
  'SoftKey:Back': 'The phone goes back to the previous screen.',
  'SoftKey:Cancel': 'The phone cancels this screen and goes back.',
  'SoftKey:Select': 'The phone selects the highlighted menu item.',
  'SoftKey:Update': 'The phone fetches this screen again.',
  'SoftKey:Submit': 'The phone submits the input form.',
  'SoftKey:Next': 'The phone moves to the next field or page.',
  'Init:Services': 'The phone closes the Services application.',
  'Key:Services': 'The phone presses its Services key.',
  'Key:Applications': 'The phone presses its Applications key.',
};

export function phoneUriEffect(uri: string): string | undefined {
  return Object.hasOwn(PHONE_URIS, uri) ? PHONE_URIS[uri] : undefined;
}
