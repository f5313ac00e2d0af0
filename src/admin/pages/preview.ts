import { html, type SafeHtml } from '../html.js';
import { displayClass, PREVIEW_MODELS, type PreviewModel } from '../preview/models.js';
import type { PreviewScreen } from '../preview/parse.js';
import { layout } from './layout.js';

/** Where a soft key or menu item leads, as the route worked it out. */
export type KeyTarget =
  | { readonly kind: 'follow'; readonly href: string }
  | { readonly kind: 'phone'; readonly uri: string; readonly effect: string; readonly href: string }
  | { readonly kind: 'none'; readonly reason: string };

export type PreviewState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'refused'; readonly problem: string }
  | { readonly kind: 'pressed'; readonly uri: string; readonly effect: string }
  | {
      readonly kind: 'fetched';
      readonly status: number;
      readonly contentType: string | undefined;
      readonly xml: string;
      readonly screen: PreviewScreen | undefined;
      readonly problems: readonly string[];
      readonly target: (url: string) => KeyTarget;
    };

export interface PreviewPageOptions {
  readonly csrf: string;
  readonly demo: boolean;
  readonly model: PreviewModel;
  readonly path: string;
  readonly state: PreviewState;
}

export function previewPage(options: PreviewPageOptions): string {
  const main = html`<h1>Phone screen previewer</h1>
    <p>
      Shows a screen of this service as the chosen phone receives it: the request carries that
      model's headers, and the answer is drawn at the model's display size.
      <strong>Soft keys act for real</strong>: “Log out” logs the device out.
    </p>
    ${form(options)}
    <section aria-labelledby="screen-heading" class="preview">${stateOf(options)}</section>`;
  return layout({
    title: 'Previewer',
    csrf: options.csrf,
    demo: options.demo,
    current: 'preview',
    main,
  }).value;
}

function form(options: PreviewPageOptions): SafeHtml {
  const choices = PREVIEW_MODELS.map(
    (model) =>
      html`<option value="${model.name}" ${model === options.model ? html` selected` : ''}>
        ${model.name}
        (${model.display.width}×${model.display.height}${model.display.color ? '' : ', greyscale'})
      </option>`,
  );
  return html`<form method="get" action="/preview" class="preview-form">
    <div>
      <label for="model">Phone model</label>
      <select id="model" name="model">
        ${choices}
      </select>
    </div>
    <div class="grow">
      <label for="path">Path of this service</label>
      <input
        id="path"
        name="path"
        value="${options.path}"
        placeholder="/logout?device=SEP001122334455"
        required
        spellcheck="false"
        autocapitalize="off"
      />
    </div>
    <button type="submit">Show</button>
  </form>`;
}

function stateOf(options: PreviewPageOptions): SafeHtml {
  const { state, model } = options;
  switch (state.kind) {
    case 'empty':
      return html`<h2 id="screen-heading" class="visually-hidden">Screen</h2>
        <p>
          Pick a model, enter a path such as <code>/logout?device=SEP001122334455</code>, and press
          Show.
        </p>`;
    case 'refused':
      return html`<h2 id="screen-heading">Not shown</h2>
        <p class="error" role="alert">${state.problem}</p>`;
    case 'pressed':
      return html`<h2 id="screen-heading">${model.name}: ${state.uri}</h2>
        <p class="flash" role="status">${state.effect}</p>`;
    case 'fetched':
      return fetched(options, state);
  }
}

function fetched(
  options: PreviewPageOptions,
  state: Extract<PreviewState, { kind: 'fetched' }>,
): SafeHtml {
  const { model } = options;
  const problems =
    state.problems.length === 0
      ? ''
      : html`<div class="error" role="alert">
          <p>What a phone would make of it:</p>
          <ul>
            ${state.problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>
        </div>`;
  const phone =
    state.screen === undefined
      ? ''
      : html`<div class="phone">${display(model, state.screen, state.target)}</div>`;
  return html`<h2 id="screen-heading">${model.name}: GET ${options.path}</h2>
    ${problems} ${phone}
    <p id="press-note" class="flash" role="status" hidden></p>
    <details>
      <summary>What the phone received</summary>
      <p>HTTP ${state.status}, Content-Type: <code>${state.contentType ?? '(none)'}</code></p>
      <pre class="xml">${state.xml}</pre>
    </details>`;
}

function display(
  model: PreviewModel,
  screen: PreviewScreen,
  target: (url: string) => KeyTarget,
): SafeHtml {
  const tone = model.display.color ? 'color' : 'grey';
  const title = screen.title ?? '';
  const body =
    screen.kind === 'CiscoIPPhoneMenu'
      ? html`<ol class="menu">
          ${screen.menuItems.map((item) => html`<li>${keyLink(item.name, target(item.url))}</li>`)}
        </ol>`
      : html`<div class="text">${screen.text ?? ''}</div>`;
  return html`<div
      class="display ${displayClass(model)} ${tone}"
      role="group"
      aria-label="${model.name} display"
    >
      <div class="title">${title}</div>
      <div class="body">${body}</div>
      <div class="prompt">${screen.prompt ?? ''}</div>
    </div>
    ${softKeys(model, screen, target)}`;
}

/** Every slot the phone shows, empty ones included, so positions read as on the phone. */
function softKeys(
  model: PreviewModel,
  screen: PreviewScreen,
  target: (url: string) => KeyTarget,
): SafeHtml {
  const highest = screen.softKeys.reduce((max, key) => Math.max(max, key.position), 0);
  const slots = Math.max(model.keySlots, highest);
  const items = Array.from({ length: slots }, (_, index) => {
    const position = index + 1;
    const key = screen.softKeys.find((candidate) => candidate.position === position);
    if (key === undefined) {
      return html`<li class="slot empty">
        <span class="visually-hidden">${position}: empty</span>
      </li>`;
    }
    return html`<li class="slot">${keyLink(key.name, target(key.url), position)}</li>`;
  });
  return html`<ol class="softkeys ${displayClass(model)}-keys" aria-label="Soft keys">
    ${items}
  </ol>`;
}

function keyLink(name: string, target: KeyTarget, position?: number): SafeHtml {
  const label =
    position === undefined ? name : html`<span class="visually-hidden">${position}: </span>${name}`;
  switch (target.kind) {
    case 'follow':
      return html`<a class="key" href="${target.href}">${label}</a>`;
    case 'phone':
      return html`<a
        class="key"
        href="${target.href}"
        data-name="${name}"
        data-effect="${target.effect}"
        title="${target.uri}"
        >${label}</a
      >`;
    case 'none':
      return html`<span class="key disabled" title="${target.reason}">${label}</span>`;
  }
}
