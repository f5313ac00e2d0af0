import { html } from '../html.js';
import type { JobView } from '../jobs.js';
import { layout } from './layout.js';

export interface JobPageOptions {
  readonly csrf: string;
  readonly demo: boolean;
  readonly job: JobView;
}

/**
 * A bulk job as it stands; the page script polls /api/bulk/:jobId and keeps the
 * status, progress bar and table current, and reveals the report link at the end.
 */
export function jobPage(options: JobPageOptions): string {
  const { job } = options;
  const done = job.status === 'done';
  const rows = job.results.map(
    (row) =>
      html`<tr>
        <td>${row.line}</td>
        <td>${row.device}</td>
        <td>${row.outcome}</td>
        <td>${row.message}</td>
      </tr>`,
  );
  const main = html`<h1>Bulk logout</h1>
    <div id="bulk-job" data-job-id="${job.jobId}">
      <p id="bulk-status" aria-live="polite">${statusLine(job)}</p>
      <label for="bulk-progress" class="visually-hidden">Progress</label>
      <progress id="bulk-progress" max="${job.total}" value="${job.done}">
        ${job.done} of ${job.total}
      </progress>
      <p>
        <a
          id="bulk-report"
          class="button"
          href="/api/bulk/${job.jobId}/report.csv"
          download
          ${done ? '' : html`hidden`}
          >Download the report (CSV)</a
        >
        <a href="/admin/bulk/${job.jobId}" id="bulk-refresh" ${done ? html`hidden` : ''}>Refresh</a>
        <a href="/admin">Back to the admin page</a>
      </p>
      <div class="scroll">
        <table id="bulk-results">
          <caption>
            Results, in the order of the file
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Device</th>
              <th scope="col">Outcome</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>
    </div>`;
  return layout({ title: 'Bulk logout', csrf: options.csrf, demo: options.demo, main }).value;
}

/** Also built by the page script from the API's JSON: keep the two in step. */
export function statusLine(job: JobView): string {
  const { counts } = job;
  const state = job.status === 'done' ? 'Finished' : 'Running';
  return (
    `${state}: ${job.done} of ${job.total} done. ` +
    `${counts['logged-out']} logged out, ${counts.nobody} nobody logged in, ` +
    `${counts.failed} failed, ${counts.skipped} skipped.`
  );
}
