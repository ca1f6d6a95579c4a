import { apiGatewayListener } from '../core';
import type { HttpApi } from './http-api.types';

/**
 * A node:http request listener serving an HTTP API: `http.createServer(httpApiListener(api)).listen(3001)`.
 * Reading the body and writing the answer (several `set-cookie` headers included) is the core's listener.
 */
export const httpApiListener = (api: Pick<HttpApi, 'handle'>): ReturnType<typeof apiGatewayListener> =>
  apiGatewayListener(api);
