import type { RoutesResponse } from '../../types';

/** A REST or HTTP API route the try-it form can call. */
export interface TryableRoute {
  readonly key: string;
  readonly label: string;
  readonly method: string;
  /** Full URL with `{param}` placeholders still in it. */
  readonly url: string;
  readonly pathParams: readonly string[];
  /** HTTP API JWT authorizers read `Bearer <token>`; REST Cognito authorizers take the bare token. */
  readonly bearer: boolean;
  readonly needsToken: boolean;
}

const paramsOf = (path: string): string[] => [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1] ?? '');

export function toTryable(routes: RoutesResponse): TryableRoute[] {
  const rest = routes.routes.flatMap(({ url, ...route }) =>
    url
      ? [
          {
            key: `rest ${route.api} ${route.method} ${route.path}`,
            label: `REST ${route.method === 'ANY' ? 'GET' : route.method} ${route.path} (${route.api})`,
            method: route.method === 'ANY' ? 'GET' : route.method,
            url,
            pathParams: paramsOf(route.path),
            bearer: false,
            needsToken: route.authorization !== 'NONE',
          },
        ]
      : [],
  );
  const http = routes.httpApiRoutes.flatMap(({ url, ...route }) => {
    if (!url || route.routeKey === '$default') return [];
    const [method = 'GET', path = '/'] = route.routeKey.split(' ');
    return [
      {
        key: `http ${route.api} ${route.routeKey}`,
        label: `HTTP ${route.routeKey} (${route.api})`,
        method: method === 'ANY' ? 'GET' : method,
        url,
        pathParams: paramsOf(path),
        bearer: true,
        needsToken: route.authorization !== 'NONE',
      },
    ];
  });
  return [...rest, ...http];
}

/** Fills `{name}` / `{name+}` placeholders, encoding each value as one path segment (greedy ones keep `/`). */
export function fillPath(url: string, values: Readonly<Record<string, string>>): string {
  return url.replace(/\{([^}+]+)(\+?)\}/g, (_whole, name: string, greedy: string) => {
    const value = values[name] ?? '';
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

/** `name: value` lines → headers; blank lines and lines without a colon are ignored. */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
