import { requestState } from '../http/http-request-state';
import { platformProblems } from '../problems/platform-problems';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

// application/json or a JSON-based type (application/problem+json), with optional parameters.
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.-]+\+)?json$/;

/**
 * Parses a JSON body for routes that take one: wrong content type → 415, malformed JSON → 400.
 * An absent body stays undefined, so the body schema decides whether that is allowed.
 */
export function jsonBody(): HttpMiddleware {
  const jsonBodyBefore = (request: HttpRequest): void => {
    const { body, isBase64Encoded, headers } = request.event;
    if (body === null || body === undefined || body === '') return;
    const contentType = headers?.['content-type'];
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (!mediaType || !JSON_MEDIA_TYPE.test(mediaType)) throw platformProblems.unsupportedMediaType(contentType);
    const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
    try {
      requestState(request.event).body = JSON.parse(text);
    } catch (error) {
      throw platformProblems.malformedJson(error);
    }
  };
  return { before: jsonBodyBefore };
}
