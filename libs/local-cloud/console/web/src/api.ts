// The console's only I/O: the local cloud's /_local API on the same origin (shapes: the console README).
import type { Hop } from './types';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** problem+json's `detail`/`title`, or the older `{ message }` shape, or the raw text. */
async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { detail?: string; title?: string; message?: string };
    return new ApiError(response.status, body.detail ?? body.message ?? body.title ?? text);
  } catch {
    return new ApiError(response.status, text || response.statusText);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal: signal ?? null, headers: { accept: 'application/json' } });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export const postJson = <T>(path: string, body: unknown): Promise<T> => sendJson<T>('POST', path, body);

/** POST, PUT or DELETE with a JSON body (the local API refuses other content types, as a guard against cross-site forms). */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const fetchHops = (limit: number) => getJson<{ hops: Hop[] }>(`/_local/hops${query({ limit })}`);

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
