/** The framework-free request and response the lead's HTTP server maps to and from. */
export interface LocalHttpRequest {
  readonly method: string;
  /** Path without the query string, for example `/_local/token`. */
  readonly path: string;
  readonly body?: string;
}

export interface LocalHttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const jsonResponse = (statusCode: number, value: unknown): LocalHttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});
