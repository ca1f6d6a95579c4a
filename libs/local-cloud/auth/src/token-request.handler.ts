import * as z from 'zod';
import type { MintTokenOptions } from './cognito-claims';
import { jsonResponse, type LocalHttpRequest, type LocalHttpResponse } from './local-http';

// Cognito's longest ID/access token lifetime is one day.
const tokenRequestSchema = z
  .object({
    sub: z.string().min(1).max(128),
    groups: z.array(z.string().min(1)).max(100).optional(),
    scopes: z.array(z.string().regex(/^\S+$/, 'a scope has no spaces')).max(50).optional(),
    audience: z.string().min(1).optional(),
    expiresInSeconds: z.number().int().min(1).max(86_400).optional(),
    tokenUse: z.enum(['id', 'access']).optional(),
    username: z.string().min(1).optional(),
    email: z.email().optional(),
    claims: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const badRequest = (message: string): LocalHttpResponse => jsonResponse(400, { message });

/**
 * `POST /_local/token` with `{"sub": "...", "groups": [...]}` (and optionally scopes, audience, expiresInSeconds,
 * tokenUse, username, email, claims) answers `{"token": "..."}`; anything else is a 400 naming the problem.
 */
export function createTokenRequestHandler(
  mintToken: (options: MintTokenOptions) => Promise<string>,
): (request: LocalHttpRequest) => Promise<LocalHttpResponse> {
  return async function handleTokenRequest(request) {
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return badRequest('Request body must be a JSON object such as {"sub":"user-1","groups":["admin"]}');
    }
    const parsed = tokenRequestSchema.safeParse(body);
    if (!parsed.success) {
      return badRequest(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
      );
    }
    const { claims, ...options } = parsed.data;
    return jsonResponse(200, { token: await mintToken({ ...options, ...(claims ? { extraClaims: claims } : {}) }) });
  };
}
