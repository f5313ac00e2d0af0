/**
 * What a phone sent, as plain data: the routes copy `req.query` and `req.headers` in here,
 * so nothing under src/phone depends on Express.
 */
export interface PhoneRequest {
  /** Parsed query string: string, string[], nested objects (qs) or undefined. */
  query: Record<string, unknown>;
  /** Lower-case header names, as node gives them. */
  headers: Record<string, string | string[] | undefined>;
}
