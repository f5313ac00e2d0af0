import { html } from '../html.js';
import { layout } from './layout.js';

export interface LoginPageOptions {
  readonly formToken: string;
  readonly next: string;
  readonly error: string | undefined;
  readonly demo: boolean;
}

export function loginPage(options: LoginPageOptions): string {
  const error =
    options.error === undefined
      ? ''
      : html`<p class="error" role="alert" id="login-error">${options.error}</p>`;
  const describedBy = options.error === undefined ? '' : html` aria-describedby="login-error"`;
  const main = html`<h1>Sign in</h1>
    <p>The admin page is for the people who hold the service's <code>ADMIN_TOKEN</code>.</p>
    ${error}
    <form method="post" action="/admin/login" class="stack">
      <input type="hidden" name="_csrf" value="${options.formToken}" />
      <input type="hidden" name="next" value="${options.next}" />
      <label for="token">Admin token</label>
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="current-password"
        required
        autofocus${describedBy}
      />
      <button type="submit">Sign in</button>
    </form>`;
  return layout({ title: 'Sign in', csrf: undefined, demo: options.demo, main }).value;
}
