import type { Catalog } from './i18n/catalog.js';

/** What every screen needs to know about where it is shown. */
export interface ViewContext {
  readonly strings: Catalog;
  readonly demo: boolean;
  /** A small display (7921, 7940, 9841, 6921): only the lines that matter. */
  readonly compact: boolean;
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

/**
 * Screen text as lines: the essential ones always, the rest only where the display
 * has room for them without paging.
 */
export function textOf(
  context: ViewContext,
  essential: readonly string[],
  extra: readonly string[],
): string {
  return (context.compact ? essential : [...essential, ...extra]).join('\n');
}

/** Displays smaller than this page even a short text; compact screens fit them. */
const SMALL = { width: 200, height: 100 };

export function isSmallDisplay(display: { width: number; height: number } | undefined): boolean {
  if (display === undefined) return false;
  return display.width < SMALL.width || display.height < SMALL.height;
}
