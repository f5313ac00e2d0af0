import type { DeviceUserOutcome } from '../../em/index.js';
import { html } from '../html.js';
import { failed } from './home.js';
import { csrfField, layout } from './layout.js';

export interface ConfirmPageOptions {
  readonly csrf: string;
  readonly demo: boolean;
  readonly device: string;
  readonly outcome: DeviceUserOutcome;
}

/** The confirm step: who is logged in right now, and one button that logs them out. */
export function confirmPage(options: ConfirmPageOptions): string {
  const { device, outcome } = options;
  const back = `/admin?kind=device&q=${encodeURIComponent(device)}`;
  let body;
  if (!outcome.ok) {
    body = html`${failed('The lookup failed', outcome.failure.description)}
      <p><a href="${back}">Back</a></p>`;
  } else if (outcome.device.state === 'logged-in') {
    const user = outcome.device.userId;
    body = html`<p>Log <strong>${user}</strong> out of <strong>${device}</strong>?</p>
      <p>The phone restarts with its logout profile; calls in progress are not dropped.</p>
      <form method="post" action="/admin/logout" class="actions">
        ${csrfField(options.csrf)}
        <input type="hidden" name="device" value="${device}" />
        <button type="submit" class="danger">Log out</button>
        <a class="button secondary" href="${back}">Cancel</a>
      </form>`;
  } else {
    const what =
      outcome.device.state === 'nobody'
        ? html`Nobody is logged in on <strong>${device}</strong>: there is nothing to log out.`
        : html`CUCM knows no device <strong>${device}</strong>.`;
    body = html`<p>${what}</p>
      <p><a href="${back}">Back</a></p>`;
  }
  const main = html`<h1>Confirm logout</h1>
    ${body}`;
  return layout({ title: 'Confirm logout', csrf: options.csrf, demo: options.demo, main }).value;
}
