import { STATUS_CODES } from 'node:http';

// Tomcat's own descriptions, which are RFC 9110's definitions of the status.
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  404:
    'The origin server did not find a current representation for the target resource ' +
    'or is not willing to disclose that one exists.',
  405:
    'The method received in the request-line is known by the origin server ' +
    'but not supported by the target resource.',
  413:
    'The server is refusing to process a request because the request content ' +
    'is larger than the server is willing or able to process.',
  500:
    'The server encountered an unexpected condition ' +
    'that prevented it from fulfilling the request.',
};

/**
 * The HTML error page Tomcat sends when a request never reaches the EM
 * servlet. Clients must tell it apart from an EM answer, so it is worth
 * reproducing faithfully.
 */
export function tomcatErrorPage(status: number, message: string): string {
  const title = `HTTP Status ${status} – ${STATUS_CODES[status] ?? 'Error'}`;
  const description = DESCRIPTIONS[status] ?? '';

  return (
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
    `<h1>${title}</h1><hr class="line" />` +
    `<p><b>Type</b> Status Report</p>` +
    `<p><b>Message</b> ${escapeHtml(message)}</p>` +
    `<p><b>Description</b> ${description}</p>` +
    `<hr class="line" /><h3>Apache Tomcat</h3></body></html>\n`
  );
}

// The message echoes the request path, which the client controls.
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
