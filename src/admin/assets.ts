import { displayCss } from './preview/models.js';

/**
 * The admin page's stylesheet and script, served by us as files so that the
 * Content-Security-Policy forbids every inline style and script. They are kept
 * here as text, not as files beside the code, so that `tsc` output carries them
 * and no build step copies anything.
 */
export const ADMIN_CSS = String.raw`
:root {
  --ink: #1b1f24;
  --muted: #57606a;
  --paper: #ffffff;
  --line: #d0d7de;
  --accent: #0b5cad;
  --danger: #b42318;
  --ok: #1a7f37;
  --focus: #f5a623;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 100%;
  line-height: 1.5;
  color: var(--ink);
  background: #f6f8fa;
}
* { box-sizing: border-box; }
/* Classes that set display must not undo the hidden attribute. */
[hidden] { display: none !important; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: 0.5rem; z-index: 10; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.top {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center;
  padding: 0.75rem 1rem; background: #24292f; color: #ffffff;
}
.top a, .top .link { color: #ffffff; }
.top nav { display: flex; gap: 1rem; }
.top nav a[aria-current='page'] { font-weight: 700; text-decoration-thickness: 3px; }
.brand { font-weight: 700; }
.signout { margin-left: auto; }
main {
  max-width: 60rem; margin: 0 auto; padding: 1rem;
  background: var(--paper); min-height: 100vh;
}
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); }
label, legend { font-weight: 600; }
input, select, textarea, button, .button {
  font: inherit; padding: 0.5rem 0.75rem; border-radius: 6px; border: 1px solid #8c959f;
}
input, select, textarea { background: var(--paper); color: var(--ink); max-width: 100%; }
textarea { width: 100%; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
button, .button {
  display: inline-block; cursor: pointer; background: var(--accent); color: #ffffff;
  border-color: var(--accent); text-decoration: none; min-height: 2.75rem;
}
button.danger, .button.danger { background: var(--danger); border-color: var(--danger); }
.button.secondary { background: var(--paper); color: var(--ink); border-color: #8c959f; }
button.link {
  background: none; border: none; padding: 0; text-decoration: underline; min-height: 0;
}
.stack { display: flex; flex-direction: column; gap: 0.5rem; max-width: 40rem; }
.stack button { align-self: flex-start; }
.search { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
.search label[for='q'] { flex-basis: 100%; }
.search input[name='q'] { flex: 1 1 14rem; }
.choice { border: 0; padding: 0; margin: 0; display: flex; gap: 1rem; align-items: center; }
.choice legend { float: left; margin-right: 0.5rem; }
.choice label { font-weight: 400; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.result { margin-top: 1rem; }
.result:empty { display: none; }
.devices { padding-left: 1.25rem; }
.devices li { margin-bottom: 0.5rem; }
.error { color: var(--danger); font-weight: 600; }
.flash { border-left: 4px solid var(--ok); background: #eef8f0; padding: 0.5rem 0.75rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td {
  text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line);
  vertical-align: top;
}
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
progress { width: 100%; height: 1.25rem; }
#bulk-results { min-width: 36rem; }
.preview-form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
.preview-form > div { display: flex; flex-direction: column; }
.preview-form .grow { flex: 1 1 16rem; }
/* Positioned, so that visually hidden labels inside stay inside its scroll area. */
.phone {
  position: relative; display: inline-block; max-width: 100%; overflow-x: auto; padding: 14px;
  background: #2d3136; border-radius: 14px; margin: 0.5rem 0 1rem;
}
.display {
  display: flex; flex-direction: column; overflow: hidden; background: #eef3f8;
  color: #101418; font-size: 13px; line-height: 1.3; border: 1px solid #000000;
}
.display.grey { background: #d9dcd3; filter: grayscale(1); }
.display .title {
  background: #2f5d8a; color: #ffffff; font-weight: 700; padding: 2px 6px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.display.grey .title { background: #3b3f38; }
.display .body { flex: 1; overflow-y: auto; padding: 4px 6px; }
.display .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.display .prompt {
  border-top: 1px solid #9aa5b1; padding: 1px 6px; font-size: 12px; min-height: 1.4em;
  white-space: nowrap; overflow: hidden;
}
.display .menu { margin: 0; padding-left: 1.5rem; }
.display .menu .key { color: inherit; }
.softkeys {
  list-style: none; margin: 6px 0 0; padding: 0; display: grid;
  grid-template-columns: repeat(4, 1fr); gap: 4px;
}
.softkeys .slot { min-height: 2rem; border-radius: 4px; background: #4b5158; display: flex; }
.softkeys .slot.empty { background: transparent; border: 1px dashed #6e7781; }
.softkeys .key {
  flex: 1; display: flex; align-items: center; justify-content: center; text-align: center;
  color: #ffffff; font-size: 12px; padding: 2px; text-decoration: none; border-radius: 4px;
}
.softkeys a.key:hover { background: #0b5cad; }
.softkeys .key.disabled { color: #b6bcc3; cursor: not-allowed; }
pre.xml {
  background: #f6f8fa; border: 1px solid var(--line); padding: 0.5rem;
  overflow-x: auto; font-size: 0.85rem;
}
@media (max-width: 30rem) {
  main { padding: 0.75rem; }
  h1 { font-size: 1.35rem; }
  .signout { margin-left: 0; }
}
${displayCss()}
`;

export const ADMIN_SCRIPT = String.raw`
(function () {
  'use strict';

  function byId(id) {
    return document.getElementById(id);
  }

  // Bulk form: a chosen file is read into the text area, so the form posts text.
  var file = byId('csv-file');
  var csv = byId('csv');
  if (file && csv) {
    file.addEventListener('change', function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      chosen.text().then(function (text) {
        csv.value = text;
      });
    });
  }

  // Bulk job: poll the API until the job is done.
  var job = byId('bulk-job');
  var report = byId('bulk-report');
  if (job && job.dataset.jobId && report && report.hidden) poll(job.dataset.jobId);

  function poll(jobId) {
    fetch('/api/bulk/' + encodeURIComponent(jobId), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (data) {
        render(data);
        if (data.status !== 'done') {
          setTimeout(function () {
            poll(jobId);
          }, 500);
        }
      })
      .catch(function (error) {
        byId('bulk-status').textContent =
          'Live progress stopped (' + error.message + '): use Refresh.';
      });
  }

  function render(data) {
    var counts = data.counts;
    var line =
      (data.status === 'done' ? 'Finished' : 'Running') + ': ' + data.done + ' of ' +
      data.total + ' done. ' + counts['logged-out'] + ' logged out, ' + counts.nobody +
      ' nobody logged in, ' + counts.failed + ' failed, ' + counts.skipped + ' skipped.';
    var status = byId('bulk-status');
    if (status.textContent !== line) status.textContent = line;
    var progress = byId('bulk-progress');
    progress.max = data.total;
    progress.value = data.done;
    progress.textContent = data.done + ' of ' + data.total;

    var body = document.querySelector('#bulk-results tbody');
    var rows = document.createDocumentFragment();
    data.results.forEach(function (result) {
      var row = document.createElement('tr');
      [result.line, result.device, result.outcome, result.message].forEach(function (value) {
        var cell = document.createElement('td');
        cell.textContent = String(value);
        row.appendChild(cell);
      });
      rows.appendChild(row);
    });
    body.replaceChildren(rows);

    if (data.status === 'done') {
      byId('bulk-report').hidden = false;
      byId('bulk-refresh').hidden = true;
    }
  }

  // Previewer: a soft key with a phone URI (SoftKey:Exit, ...) says what the phone would do.
  document.addEventListener('click', function (event) {
    var target = event.target;
    var key = target && target.closest ? target.closest('a[data-effect]') : null;
    var note = byId('press-note');
    if (!key || !note) return;
    event.preventDefault();
    note.textContent =
      'You pressed ' + key.dataset.name + ' (' + key.title + '): ' + key.dataset.effect;
    note.hidden = false;
  });
})();
`;
