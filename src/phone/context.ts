import { negotiateCharset, type PhoneCharset } from './charset.js';
import { readDeviceName, type DeviceNameResult } from './device-name.js';
import { readDisplay, type PhoneDisplay } from './display.js';
import { ownValue } from './input.js';
import { negotiateLanguage, type Language } from './locale.js';
import { readModel, type PhoneModel } from './model.js';
import { unfoldQuery } from './query.js';
import type { PhoneRequest } from './request.js';

export interface PhoneContext {
  device: DeviceNameResult;
  model: PhoneModel;
  display: PhoneDisplay | undefined;
  charset: PhoneCharset;
  language: Language;
}

/** Everything the service reads from one phone request. Never throws. */
export function readPhoneContext(request: PhoneRequest): PhoneContext {
  const query = unfoldQuery(asRecord(ownValue(request, 'query')));
  const headers = asRecord(ownValue(request, 'headers')) as PhoneRequest['headers'];

  return {
    device: readDeviceName(query),
    model: readModel(headers),
    display: readDisplay(headers),
    charset: negotiateCharset(headers),
    language: negotiateLanguage(query, headers),
  };
}

/** Readers only look at own properties, so any non-null object is safe to hand on. */
function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
