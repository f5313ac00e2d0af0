import type { Response } from 'express';
import type { PhoneContext } from '../phone/index.js';
import { renderScreen, type Screen } from '../../views/index.js';

/**
 * A valid past date: phones then never show a cached screen. 8800 firmware rejects
 * `-1` and the epoch, so the date is a real one after 1970.
 */
export const EXPIRES_IN_THE_PAST = 'Thu, 01 Jan 2015 00:00:00 GMT';

/** Every phone answer is HTTP 200: any other status shows as an unhelpful phone error. */
export function sendScreen(res: Response, screen: Screen, phone: PhoneContext): void {
  const rendered = renderScreen(screen, { family: phone.model.family, charset: phone.charset });
  res
    .status(200)
    .set({
      'Content-Type': rendered.contentType,
      'Cache-Control': 'no-cache, no-store',
      Expires: EXPIRES_IN_THE_PAST,
    })
    .end(rendered.body);
}
