import { readSingleHeader } from './input.js';
import type { PhoneRequest } from './request.js';

export interface PhoneDisplay {
  width: number;
  height: number;
  depth: number;
  color: boolean;
}

/** One to four digits, no sign, no decimals: the largest phone display is 960 wide. */
const DIMENSION = /^\d{1,4}$/;

/** Highest colour depth taken as real; phones send 2 to 24. */
const DEPTH_MAX = 32;

/**
 * Reads `x-CiscoIPPhoneDisplay: width, height, depth, C|G`. Firmware differs in the spaces
 * after the commas, so parts are split on commas and trimmed. Anything else is undefined.
 */
export function readDisplay(headers: PhoneRequest['headers']): PhoneDisplay | undefined {
  const value = readSingleHeader(headers, 'x-ciscoipphonedisplay');
  if (value === undefined) return undefined;

  const parts = value.split(',', 5).map((part) => part.trim());
  if (parts.length !== 4) return undefined;

  const [width, height, depth] = parts.slice(0, 3).map(readDimension);
  const color = readColor(parts[3]);
  if (width === undefined || height === undefined || depth === undefined) return undefined;
  if (depth > DEPTH_MAX || color === undefined) return undefined;

  return { width, height, depth, color };
}

/** A positive whole number, or undefined. */
function readDimension(text: string): number | undefined {
  const value = DIMENSION.test(text) ? Number(text) : 0;
  return value > 0 ? value : undefined;
}

function readColor(text: string | undefined): boolean | undefined {
  const flag = text?.toUpperCase();
  if (flag === 'C') return true;
  if (flag === 'G') return false;
  return undefined;
}
