import type { Request } from 'express';
import { readPhoneContext, type PhoneContext } from '../phone/index.js';
import { catalogFor, isSmallDisplay, type ViewContext } from '../../views/index.js';
import { baseUrlOf } from './base-url.js';

export const PHONE_PATHS = { start: '/logout', confirmed: '/logout/confirm' } as const;

export interface PhoneViewOptions {
  readonly demo: boolean;
  readonly publicUrl: URL | undefined;
}

export interface PhoneView {
  readonly phone: PhoneContext;
  readonly view: ViewContext;
}

/** What a phone sent, and the context its screens are drawn in. */
export function phoneViewOf(req: Request, options: PhoneViewOptions): PhoneView {
  const phone = readPhoneContext({ query: req.query, headers: req.headers });
  const base = baseUrlOf(req, options.publicUrl);
  const link = (path: string) => (device: string) =>
    `${base}${path}?device=${encodeURIComponent(device)}`;
  const view: ViewContext = {
    strings: catalogFor(phone.language),
    demo: options.demo,
    compact: isSmallDisplay(phone.display),
    links: { confirm: link(PHONE_PATHS.start), logout: link(PHONE_PATHS.confirmed) },
  };
  return { phone, view };
}
