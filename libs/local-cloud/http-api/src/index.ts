export { createHttpApi } from './create-http-api';
export { httpApiListener } from './http-api-listener';
export type { CreateHttpApiOptions, HttpApi, HttpApiRouteSummary, JsonWebKeySet, JwksResolver } from './http-api.types';
