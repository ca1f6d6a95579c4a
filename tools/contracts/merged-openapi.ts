type Json = Record<string, unknown>;

/** One service's API document (openapi.yaml or http-api.yaml) as loaded. */
export interface ServiceApiDocument {
  readonly service: string;
  readonly file: string;
  readonly document: Json;
}

export interface MergedApiOptions {
  readonly title: string;
  readonly description: string;
  readonly serverUrl: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method']);

/**
 * The documents of every service merged into the one API the local cloud serves: paths side by side (a path
 * two services declare is an error), components merged by name (the same name with different contents is an
 * error), and each document's default `security` copied onto its operations so it survives the merge.
 * API Gateway's `x-amazon-apigateway-*` extensions are left out: they describe the deployment, not the API.
 */
export function mergeApiDocuments(documents: readonly ServiceApiDocument[], options: MergedApiOptions): Json {
  const paths: Json = {};
  const components: Record<string, Json> = {};
  const origin = new Map<string, string>();
  for (const { service, file, document } of documents) {
    for (const [path, item] of Object.entries((document['paths'] ?? {}) as Record<string, Json>)) {
      if (path in paths) throw new Error(`${file}: path ${path} is also declared by ${origin.get(`paths ${path}`)}`);
      origin.set(`paths ${path}`, file);
      paths[path] = operationsOf(item, service, document['security']);
    }
    for (const [section, entries] of Object.entries((document['components'] ?? {}) as Record<string, Json>)) {
      if (section.startsWith('x-amazon-apigateway-')) continue;
      const merged = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        const clean = withoutGatewayExtensions(value);
        const where = `components ${section} ${name}`;
        if (name in merged && JSON.stringify(merged[name]) !== JSON.stringify(clean)) {
          throw new Error(
            `${file}: components.${section}.${name} differs from the one in ${origin.get(where)}: rename one of them`,
          );
        }
        if (!origin.has(where)) origin.set(where, file);
        merged[name] = clean;
      }
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: options.title, version: '1.0.0', description: options.description },
    servers: [{ url: options.serverUrl, description: 'the local cloud (npm start)' }],
    paths: sortedKeys(paths),
    components: sortedKeys(
      Object.fromEntries(Object.entries(components).map(([section, entries]) => [section, sortedKeys(entries)])),
    ),
  };
}

function operationsOf(item: Json, service: string, defaultSecurity: unknown): Json {
  return Object.fromEntries(
    Object.entries(item)
      .filter(([key]) => !key.startsWith('x-amazon-apigateway-') || key === 'x-amazon-apigateway-any-method')
      .map(([key, value]) => {
        if (!METHODS.has(key)) return [key, withoutGatewayExtensions(value)];
        const operation = withoutGatewayExtensions(value) as Json;
        const security = operation['security'] ?? defaultSecurity;
        return [key, { ...operation, ...(security === undefined ? {} : { security }), 'x-harbor-service': service }];
      }),
  );
}

function withoutGatewayExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGatewayExtensions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('x-amazon-apigateway-'))
      .map(([key, item]) => [key, withoutGatewayExtensions(item)]),
  );
}

const sortedKeys = (object: Json): Json =>
  Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
