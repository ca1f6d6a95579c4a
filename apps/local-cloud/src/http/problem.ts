import type { OutgoingResponse } from './incoming-request';

/** An RFC 9457 problem with the local cloud's stable `code`, so clients and tests match on the code, not prose. */
export const problemResponse = (
  status: number,
  title: string,
  detail: string,
  code: string,
  headers: Record<string, string> = {},
): OutgoingResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ type: 'about:blank', title, status, detail, code }),
});
