import type { IncomingRequest, OutgoingResponse } from './incoming-request';
import { problemResponse } from './problem';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OWN_PATHS = ['/_local/', '/_console/'];

// application/json with optional parameters (charset); a JSON-based type such as application/merge-patch+json too.
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;.*)?$/i;

/**
 * The local cloud's own state-changing endpoints (tokens, faults, redrives, the console's relay) take JSON only.
 * A web page can send a cross-site form or a `text/plain` POST without asking, but not a JSON one: the browser
 * asks first (a CORS preflight), which the local cloud never grants. So a page cannot mint tokens or redrive a queue.
 */
export function requireJsonForStateChanges(next: (request: IncomingRequest) => Promise<OutgoingResponse>) {
  return async function handleJsonOnly(request: IncomingRequest): Promise<OutgoingResponse> {
    const own = OWN_PATHS.some((prefix) => request.path.startsWith(prefix));
    if (own && !READS.has(request.method) && !JSON_TYPE.test(request.headers['content-type'] ?? '')) {
      const sent = request.headers['content-type'];
      return problemResponse(
        415,
        'Unsupported media type',
        `${request.method} ${request.path} takes application/json only (sent: ${sent ?? 'no content-type'}); send the header content-type: application/json, with {} when there is nothing to say.`,
        'LOCAL.JSON_REQUIRED',
        { accept: 'application/json' },
      );
    }
    return next(request);
  };
}
