import { bodyPart, type PayloadInput } from '@harbor/local-cloud-trace';
import type { GatewayRequest, GatewayResponse } from './gateway-exchange';

/**
 * An `http` hop's payload: the request and response as the client sent and got them, headers and bodies each a part
 * of their own (the trace redacts credentials in the headers and caps each part). Bodies are kept as text.
 */
export const httpPayload = (request: GatewayRequest, response: GatewayResponse): PayloadInput => ({
  request: { method: request.method, url: request.url, headers: request.headers },
  requestBody: request.body.length === 0 ? undefined : bodyPart(request.body),
  response: { status: response.status, headers: response.headers, multiValueHeaders: response.multiValueHeaders },
  responseBody: response.body.length === 0 ? undefined : bodyPart(response.body),
});
