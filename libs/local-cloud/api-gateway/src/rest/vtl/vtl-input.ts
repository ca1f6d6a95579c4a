import { jsonPath } from './json-path';

/** The method request's parameters, as `$input.params()` returns them. */
export interface MethodRequestParams {
  readonly path: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly header: Readonly<Record<string, string>>;
}

const NOT_PARSED = Symbol('not parsed');

/**
 * `$input` of a mapping template: the payload (`body`, `json()`, `path()`) and the method request's parameters
 * (`params()`). In an integration response template the payload is the integration's response body.
 */
export class VtlInput {
  private parsed: unknown = NOT_PARSED;

  constructor(
    readonly body: string,
    private readonly methodParams: MethodRequestParams,
  ) {}

  /** JSON text of what the path selects; the empty string when it selects nothing. */
  json(path: string): string {
    const value = jsonPath(String(path))(this.payload());
    return value === undefined ? '' : JSON.stringify(value);
  }

  /** What the path selects, as an object templates can navigate (`$input.path('$').lines.size()`). */
  path(path: string): unknown {
    return jsonPath(String(path))(this.payload());
  }

  /** Without a name, all parameters by location; with one, path then query string then header (the empty string if absent). */
  params(name?: string): unknown {
    if (name === undefined)
      return {
        path: { ...this.methodParams.path },
        querystring: { ...this.methodParams.querystring },
        header: { ...this.methodParams.header },
      };
    const key = String(name);
    const { path, querystring, header } = this.methodParams;
    if (Object.prototype.hasOwnProperty.call(path, key)) return path[key];
    if (Object.prototype.hasOwnProperty.call(querystring, key)) return querystring[key];
    const lower = key.toLowerCase();
    for (const headerName of Object.keys(header)) if (headerName.toLowerCase() === lower) return header[headerName];
    return '';
  }

  private payload(): unknown {
    if (this.parsed === NOT_PARSED) {
      // An empty payload reads as an empty object, as `$input.json('$')` answers `{}` in API Gateway.
      if (this.body.trim().length === 0) this.parsed = {};
      else {
        try {
          this.parsed = JSON.parse(this.body);
        } catch {
          this.parsed = this.body;
        }
      }
    }
    return this.parsed;
  }
}
