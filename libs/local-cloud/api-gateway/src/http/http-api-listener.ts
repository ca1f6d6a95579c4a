import { restApiListener } from '@harbor/local-cloud-gateway';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpApi } from './http-api.types';

/**
 * A node:http request listener serving an HTTP API: `http.createServer(httpApiListener(api)).listen(3001)`.
 * Reading the body and writing the answer (several `set-cookie` headers included) is the REST gateway's listener.
 */
export const httpApiListener = (api: Pick<HttpApi, 'handle'>): ((request: IncomingMessage, response: ServerResponse) => void) => restApiListener(api);
