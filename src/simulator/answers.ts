import { tomcatErrorPage } from './tomcat-page.js';

/** What the server sends back for one HTTP request. */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const EM_CONTENT_TYPE = 'text/xml; charset=utf-8';
export const PAGE_CONTENT_TYPE = 'text/html;charset=utf-8';

/** Every EM outcome, success or failure, travels as HTTP 200: the verdict is in the body. */
export function emAnswer(body: string): HttpAnswer {
  return { status: 200, contentType: EM_CONTENT_TYPE, body };
}

/** A Tomcat error page: the request never reached the EM servlet. */
export function pageAnswer(
  status: number,
  message: string,
  headers?: Readonly<Record<string, string>>,
): HttpAnswer {
  const body = tomcatErrorPage(status, message);
  return { status, contentType: PAGE_CONTENT_TYPE, body, ...(headers && { headers }) };
}
