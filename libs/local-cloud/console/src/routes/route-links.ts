/** The route summaries /_local/routes lists, as the gateways describe them (only the fields used here). */
export interface RestRouteLike {
  readonly path: string;
  readonly api: string;
}

export interface HttpApiRouteLike {
  readonly routeKey: string;
  readonly api: string;
  readonly authorization: string;
  readonly authorizerName?: string;
  readonly scopes: readonly string[];
}

export interface WebSocketRouteLike {
  readonly api: string;
}

export interface RouteEndpoints {
  /** `http://host:port` of the REST APIs (the local default stage needs no prefix). */
  readonly restApi: string;
  readonly httpApi: string;
  /** WebSocket API name to the URL its clients connect to. */
  readonly websocketUrlOf: (apiName: string) => string | undefined;
  /** A REST route's throttle (stage or method settings), when one applies. */
  readonly throttleOf?: (
    route: RestRouteLike,
  ) => { readonly rateLimit: number; readonly burstLimit: number } | undefined;
}

/** `GET /orders/{orderId}` → `/orders/{orderId}`; `$default` and `ANY /{proxy+}` keep their path part. */
const pathOfRouteKey = (routeKey: string): string =>
  routeKey.includes(' ') ? routeKey.slice(routeKey.indexOf(' ') + 1) : '/';

/**
 * The routes as the console shows them: each with the URL to call (path parameters left as `{name}` for the user
 * to fill in), REST routes with their throttle, HTTP API routes with their JWT authorizer and scopes.
 */
export function linkRoutes<Rest extends RestRouteLike, Http extends HttpApiRouteLike, Ws extends WebSocketRouteLike>(
  routes: {
    readonly routes: readonly Rest[];
    readonly httpApiRoutes: readonly Http[];
    readonly websocketRoutes: readonly Ws[];
  },
  endpoints: RouteEndpoints,
) {
  return {
    routes: routes.routes.map((route) => {
      const throttle = endpoints.throttleOf?.(route);
      return { ...route, url: `${endpoints.restApi}${route.path}`, ...(throttle ? { throttle } : {}) };
    }),
    httpApiRoutes: routes.httpApiRoutes.map((route) => ({
      ...route,
      url: `${endpoints.httpApi}${pathOfRouteKey(route.routeKey)}`,
      ...(route.authorization === 'JWT' && route.authorizerName ? { authorizer: route.authorizerName } : {}),
      ...(route.scopes.length > 0 ? { scopes: route.scopes } : {}),
    })),
    websocketRoutes: routes.websocketRoutes.map((route) => {
      const url = endpoints.websocketUrlOf(route.api);
      return url === undefined ? route : { ...route, url };
    }),
  };
}
