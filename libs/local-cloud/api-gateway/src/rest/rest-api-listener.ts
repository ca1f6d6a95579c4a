import { apiGatewayListener } from '../core';
import type { RestApi } from './rest-api.types';

/**
 * A node:http request listener serving a REST API: `http.createServer(restApiListener(api)).listen(3000)`.
 * Reading the body and writing the answer (multi-valued headers included) is the core's listener.
 */
export const restApiListener = (api: Pick<RestApi, 'handle'>): ReturnType<typeof apiGatewayListener> =>
  apiGatewayListener(api);
