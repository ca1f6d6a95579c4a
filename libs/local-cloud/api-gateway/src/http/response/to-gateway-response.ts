import type { GatewayResponse } from '../../core';
import type { V2Result } from './v2-result';

/** Writes a function's response: its headers, one `set-cookie` per cookie, and API Gateway's `apigw-requestid`. */
export const toGatewayResponse = (result: V2Result, requestId: string): GatewayResponse => {
  const headers: Record<string, string> = { ...result.headers, 'apigw-requestid': requestId };
  const cookies = [...result.cookies];
  for (const name of Object.keys(headers)) {
    // A `set-cookie` header the function set by hand joins the cookies, so neither is lost.
    if (name.toLowerCase() !== 'set-cookie') continue;
    cookies.unshift(headers[name]);
    delete headers[name];
  }
  if (cookies.length === 0) return { status: result.statusCode, headers, body: result.body };
  if (cookies.length === 1)
    return { status: result.statusCode, headers: { ...headers, 'set-cookie': cookies[0] }, body: result.body };
  return { status: result.statusCode, headers, multiValueHeaders: { 'set-cookie': cookies }, body: result.body };
};
