export { createHttpApi } from './create-http-api';
export { httpApiListener } from './http-api-listener';
export type { CreateHttpApiOptions, HttpApi, HttpApiRouteSummary, JsonWebKeySet, JwksResolver } from './http-api.types';
// AWS's route priority, for serving several HTTP APIs on one local port.
export { RouteTable, type RouteMatch, type TableEntry } from './routing/route-table';
export { parseRoutePath, type PathPart } from './routing/route-path';
