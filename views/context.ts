import type { Catalog } from './i18n/catalog.js';

/** What every screen needs to know about where it is shown. */
export interface ViewContext {
  readonly strings: Catalog;
  readonly demo: boolean;
  readonly links: Links;
}

/** Absolute URLs of this service's own phone pages, built by the route from its base URL. */
export interface Links {
  readonly confirm: (device: string) => string;
  readonly logout: (device: string) => string;
}

export function titleOf(context: ViewContext): string {
  const { strings } = context;
  return context.demo ? `${strings.title} (${strings.demo})` : strings.title;
}
