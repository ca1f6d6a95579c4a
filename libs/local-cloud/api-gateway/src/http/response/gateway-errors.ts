import type { GatewayResponse } from '../../core';

/** The answers an HTTP API gives on its own, with AWS's exact bodies. */
export type HttpApiError =
  'NOT_FOUND' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL_SERVER_ERROR' | 'SERVICE_UNAVAILABLE';

const ANSWERS: Readonly<Record<HttpApiError, { readonly status: number; readonly message: string }>> = {
  NOT_FOUND: { status: 404, message: 'Not Found' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized' },
  FORBIDDEN: { status: 403, message: 'Forbidden' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Request Entity Too Large' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal Server Error' },
  // What an HTTP API answers when the integration does not reply within its timeout (REST APIs answer 504).
  SERVICE_UNAVAILABLE: { status: 503, message: 'Service Unavailable' },
};

export const errorResponse = (
  error: HttpApiError,
  requestId: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): GatewayResponse => {
  const { status, message } = ANSWERS[error];
  return {
    status,
    headers: { 'content-type': 'application/json', 'apigw-requestid': requestId, ...extraHeaders },
    body: JSON.stringify({ message }),
  };
};
