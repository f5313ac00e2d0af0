import { readSingleHeader } from './input.js';
import type { PhoneRequest } from './request.js';

/**
 * Where a model keeps its native soft keys: classic (79xx, 69xx, the 7921G/7925G/7926G
 * wireless) has Select, Update, Exit at 1, 2, 3; modern (78xx, 88xx, 8821, 8875, 98xx, 99xx)
 * has Exit at 1 and Select at 2.
 */
export type PhoneFamily = 'classic' | 'modern';

export interface PhoneModel {
  name: string | undefined;
  family: PhoneFamily;
}

const MODEL_NAME_MAX = 40;

/** Series (first two digits of the model number) that lay out soft keys the 79xx way. */
const CLASSIC_SERIES = new Set(['69', '79']);

/** `CP-7942G`, `CP-8845`, `CP-7965G`; the dash is optional so `CP7942G` still reads. */
const MODEL_NUMBER = /^CP-?(\d{2})\d{2}(?!\d)/i;

export function readModel(headers: PhoneRequest['headers']): PhoneModel {
  const name = sanitiseName(readSingleHeader(headers, 'x-ciscoipphonemodelname'));
  return { name, family: familyOf(name) };
}

/** Printable ASCII only, at most 40 characters: the name ends up in logs and on screens. */
function sanitiseName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;

  const printable = value.replace(/[^\x20-\x7E]/g, '').trim();
  const name = printable.slice(0, MODEL_NAME_MAX).trimEnd();
  return name === '' ? undefined : name;
}

/**
 * An unknown or missing model counts as modern: the phones still sold and supported run
 * 78xx/88xx-style firmware, so that is the common case, while the classic models are
 * end-of-life. Getting it wrong costs a soft key in an unusual position, nothing more.
 */
function familyOf(name: string | undefined): PhoneFamily {
  const series = name === undefined ? undefined : MODEL_NUMBER.exec(name)?.[1];
  return series !== undefined && CLASSIC_SERIES.has(series) ? 'classic' : 'modern';
}
