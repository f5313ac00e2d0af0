import { html, type SafeHtml } from '../html.js';

export interface LayoutOptions {
  readonly title: string;
  /** The signed-in session's CSRF token; undefined on the sign-in page. */
  readonly csrf: string | undefined;
  readonly demo: boolean;
  readonly current?: 'admin' | 'preview';
  readonly main: SafeHtml;
}

/**
 * Every admin page: one stylesheet and one deferred script, both ours, so the
 * Content-Security-Policy can stay at `default-src 'self'` with no inline code.
 */
export function layout(options: LayoutOptions): SafeHtml {
  const nav =
    options.csrf === undefined
      ? ''
      : html`<nav aria-label="Admin">
            <a href="/admin" ${current(options, 'admin')}>Admin</a>
            <a href="/preview" ${current(options, 'preview')}>Previewer</a>
          </nav>
          <form method="post" action="/admin/signout" class="signout">
            ${csrfField(options.csrf)}
            <button type="submit" class="link">Sign out</button>
          </form>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · em-logout</title>
        <link rel="stylesheet" href="/admin/assets/admin.css" />
        <script src="/admin/assets/admin.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <span class="brand">em-logout${options.demo ? ' (demo)' : ''}</span>
          ${nav}
        </header>
        <main id="main" tabindex="-1">${options.main}</main>
      </body>
    </html> `;
}

function current(options: LayoutOptions, page: 'admin' | 'preview'): SafeHtml {
  return options.current === page ? html`aria-current="page"` : html``;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}
