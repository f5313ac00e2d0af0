import { html } from '../html.js';
import { layout } from './layout.js';

/** A page that only says what happened: a refused form, an unknown job, a missing page. */
export function messagePage(options: {
  readonly title: string;
  readonly message: string;
  readonly csrf: string | undefined;
  readonly demo: boolean;
}): string {
  const main = html`<h1>${options.title}</h1>
    <p role="alert">${options.message}</p>
    <p><a href="/admin">Back to the admin page</a></p>`;
  return layout({ title: options.title, csrf: options.csrf, demo: options.demo, main }).value;
}
