import type { HttpEvent } from '../middleware/http-middleware.types';
import type { Caller } from './caller';

/**
 * What the middleware learn about one request, for the handler: kept beside the event rather than written
 * into it, so `event` stays the untouched API Gateway event (and idempotency hashes the raw body).
 */
export interface HttpRequestState {
  correlationId?: string;
  caller?: Caller;
  body?: unknown;
  query?: unknown;
  path?: unknown;
}

const states = new WeakMap<HttpEvent, HttpRequestState>();

export function requestState(event: HttpEvent): HttpRequestState {
  let state = states.get(event);
  if (!state) {
    state = {};
    states.set(event, state);
  }
  return state;
}
