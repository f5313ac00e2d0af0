import type { DeviceUserOutcome, UserDevicesOutcome } from '../../em/index.js';
import { html, type SafeHtml } from '../html.js';
import type { RecentAction } from '../recent.js';
import { csrfField, layout } from './layout.js';

export type SearchKind = 'device' | 'user';

export type SearchResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'device'; readonly device: string; readonly outcome: DeviceUserOutcome }
  | { readonly kind: 'user'; readonly userId: string; readonly outcome: UserDevicesOutcome };

export interface HomePageOptions {
  readonly csrf: string;
  readonly demo: boolean;
  readonly query: string;
  readonly searchKind: SearchKind;
  readonly result: SearchResult;
  readonly flash: string | undefined;
  readonly bulkError: string | undefined;
  readonly csv: string;
  readonly recent: readonly RecentAction[];
}

export function homePage(options: HomePageOptions): string {
  const flash =
    options.flash === undefined ? '' : html`<p class="flash" role="status">${options.flash}</p>`;
  const main = html`<h1>Extension Mobility</h1>
    ${flash}
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Who is logged in?</h2>
      ${searchForm(options)}
      <div id="result" class="result" aria-live="polite">${resultOf(options.result)}</div>
    </section>
    <section aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">Bulk logout</h2>
      ${bulkForm(options)}
    </section>
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent actions</h2>
      ${recentTable(options.recent)}
    </section>`;
  return layout({ title: 'Admin', csrf: options.csrf, demo: options.demo, current: 'admin', main })
    .value;
}

function searchForm(options: HomePageOptions): SafeHtml {
  const checked = (kind: SearchKind) => (options.searchKind === kind ? html` checked` : '');
  return html`<form method="get" action="/admin" class="search" role="search">
    <label for="q">Device name or user id</label>
    <input
      id="q"
      name="q"
      value="${options.query}"
      required
      autocomplete="off"
      spellcheck="false"
      autocapitalize="off"
    />
    <fieldset class="choice">
      <legend>Look up a</legend>
      <label><input type="radio" name="kind" value="device" ${checked('device')} /> device</label>
      <label><input type="radio" name="kind" value="user" ${checked('user')} /> user</label>
    </fieldset>
    <button type="submit">Look up</button>
  </form>`;
}

function resultOf(result: SearchResult): SafeHtml {
  switch (result.kind) {
    case 'none':
      return html``;
    case 'invalid':
      return html`<p class="error">${result.message}</p>`;
    case 'device':
      return deviceResult(result.device, result.outcome);
    case 'user':
      return userResult(result.userId, result.outcome);
  }
}

function deviceResult(device: string, outcome: DeviceUserOutcome): SafeHtml {
  if (!outcome.ok) return failed('The lookup failed', outcome.failure.description);
  const found = outcome.device;
  switch (found.state) {
    case 'logged-in':
      return html`<p>
          <strong>${found.userId}</strong> is logged in on <strong>${device}</strong>.
        </p>
        ${logoutLink(device, found.userId)}`;
    case 'nobody':
      return html`<p>
        Nobody is logged in on <strong>${device}</strong>${lastUser(found.lastLogin)}.
      </p>`;
    case 'unknown-device':
      return html`<p class="error">CUCM knows no device <strong>${device}</strong>.</p>`;
  }
}

function userResult(userId: string, outcome: UserDevicesOutcome): SafeHtml {
  if (!outcome.ok) return failed('The lookup failed', outcome.failure.description);
  if (outcome.state === 'unknown-user') {
    return html`<p class="error">CUCM knows no user <strong>${userId}</strong>.</p>`;
  }
  if (outcome.deviceNames.length === 0) {
    return html`<p><strong>${userId}</strong> is not logged in anywhere.</p>`;
  }
  const items = outcome.deviceNames.map(
    (device) => html`<li><strong>${device}</strong> ${logoutLink(device, userId)}</li>`,
  );
  return html`<p><strong>${userId}</strong> is logged in on:</p>
    <ul class="devices">
      ${items}
    </ul>`;
}

function logoutLink(device: string, userId: string): SafeHtml {
  const href = `/admin/confirm?device=${encodeURIComponent(device)}`;
  return html`<a class="button danger" href="${href}">Log ${userId} out of ${device}…</a>`;
}

/** CUCM's `lastlogin` names the user who logged in last, not a time. */
function lastUser(lastLogin: string | undefined): SafeHtml {
  return lastLogin === undefined ? html`` : html` (last logged in: ${lastLogin})`;
}

export function failed(what: string, description: string): SafeHtml {
  return html`<p class="error">${what}: ${description}</p>`;
}

function bulkForm(options: HomePageOptions): SafeHtml {
  const error =
    options.bulkError === undefined
      ? ''
      : html`<p class="error" role="alert" id="bulk-error">${options.bulkError}</p>`;
  return html`<p>
      A CSV file whose first line names the columns, one of them <code>device</code>. Every device
      is logged out, at the pace CUCM allows; invalid and repeated names are skipped.
    </p>
    ${error}
    <form method="post" action="/admin/bulk" class="stack" id="bulk-form">
      ${csrfField(options.csrf)}
      <label for="csv-file">CSV file</label>
      <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" />
      <label for="csv">CSV text (filled in from the file, or paste it here)</label>
      <textarea id="csv" name="csv" rows="6" required spellcheck="false">${options.csv}</textarea>
      <button type="submit">Start bulk logout</button>
    </form>`;
}

function recentTable(recent: readonly RecentAction[]): SafeHtml {
  if (recent.length === 0) return html`<p>Nothing yet.</p>`;
  const rows = recent.map(
    (action) =>
      html`<tr>
        <td><time datetime="${action.at}">${action.at.replace('T', ' ').slice(0, 19)}</time></td>
        <td>${action.source}</td>
        <td>${action.action}</td>
        <td>${linkOf(action)}</td>
        <td>${action.outcome}</td>
        <td>${action.message}</td>
      </tr>`,
  );
  return html`<div class="scroll">
    <table>
      <caption class="visually-hidden">
        Recent actions, newest first (UTC)
      </caption>
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Via</th>
          <th scope="col">Action</th>
          <th scope="col">Device or job</th>
          <th scope="col">Outcome</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

function linkOf(action: RecentAction): SafeHtml {
  if (action.action === 'bulk') {
    return html`<a href="/admin/bulk/${action.subject}">${action.subject.slice(0, 8)}</a>`;
  }
  return html`${action.subject}`;
}
