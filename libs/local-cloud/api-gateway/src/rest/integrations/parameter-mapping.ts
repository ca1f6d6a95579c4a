import type { HeaderBag } from '../request/header-bag';
import type { QueryString } from '../request/query-string';
import { unsupportedContextPath } from '../vtl/context-variables';
import { compileJsonPath } from '../vtl/json-path';

/** What a mapping expression can read from. */
export interface MappingSources {
  readonly headers?: HeaderBag;
  readonly query?: QueryString;
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly requestBody?: string;
  /** Lower-cased header names. */
  readonly integrationResponse?: { readonly headers: Readonly<Record<string, string>>; readonly body: string };
}

export type MappingSource = (sources: MappingSources) => string | undefined;

export type SourceKind = 'method.request' | 'integration.response' | 'context' | 'stageVariables';

const jsonText = (body: string | undefined, path: string): string | undefined => {
  if (body === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const selected = compileJsonPath(path)(value);
  if (selected === undefined) return undefined;
  return typeof selected === 'string' ? selected : JSON.stringify(selected);
};

const bodySource = (rest: string, read: (sources: MappingSources) => string | undefined): MappingSource => {
  if (rest === '') return read;
  const path = `$${rest}`;
  compileJsonPath(path);
  return (sources) => jsonText(read(sources), path);
};

const contextValue = (
  context: Readonly<Record<string, unknown>> | undefined,
  names: readonly string[],
): string | undefined => {
  let current: unknown = context;
  for (const name of names)
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[name] : undefined;
  return current === undefined || current === null ? undefined : String(current);
};

/**
 * Compiles the right-hand side of a `requestParameters` / `responseParameters` entry: a `'static value'`,
 * `method.request.{header|querystring|path|multivalueheader|multivaluequerystring|body}...`,
 * `integration.response.{header|multivalueheader|body}...`, `context.*` or `stageVariables.*`.
 */
export const compileMappingSource = (
  expression: string,
  allowed: ReadonlySet<SourceKind>,
  problem: (detail: string) => Error,
): MappingSource => {
  const text = expression.trim();
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
    const literal = text.slice(1, -1);
    return () => literal;
  }
  const refuse = (): Error => problem(`mapping expression ${JSON.stringify(expression)} is not emulated here`);
  const match = /^(method\.request|integration\.response|context|stageVariables)\.(.+)$/.exec(text);
  if (!match || !allowed.has(match[1] as SourceKind)) throw refuse();
  const [, kind, rest] = match;
  if (kind === 'stageVariables') return (sources) => sources.stageVariables[rest];
  if (kind === 'context') {
    const names = rest.split('.');
    if (unsupportedContextPath(names) !== undefined) throw problem(`$context.${rest} is not emulated`);
    return (sources) => contextValue(sources.context, names);
  }
  const location = /^(header|querystring|path|multivalueheader|multivaluequerystring|body)(?:\.(.+))?$/.exec(rest);
  if (!location) throw refuse();
  const [, where, name = ''] = location;
  if (kind === 'integration.response') {
    if (where === 'header' || where === 'multivalueheader')
      return (sources) => sources.integrationResponse?.headers[name.toLowerCase()];
    if (where === 'body')
      return bodySource(name === '' ? '' : `.${name}`, (sources) => sources.integrationResponse?.body);
    throw refuse();
  }
  switch (where) {
    case 'header':
      return (sources) => sources.headers?.get(name);
    case 'multivalueheader':
      return (sources) =>
        sources.headers && sources.headers.all(name).length > 0 ? sources.headers.all(name).join(',') : undefined;
    case 'querystring':
      return (sources) => sources.query?.get(name);
    case 'multivaluequerystring':
      return (sources) => sources.query?.toMulti()[name]?.join(',');
    case 'path':
      return (sources) => sources.pathParameters?.[name];
    default:
      return bodySource(name === '' ? '' : `.${name}`, (sources) => sources.requestBody);
  }
};

export interface MappingTarget {
  readonly location: string;
  readonly name: string;
}

/** Splits `integration.request.header.Content-Type` into `header` and `Content-Type` after checking the prefix. */
export const parseMappingTarget = (
  target: string,
  prefix: string,
  locations: readonly string[],
  problem: (detail: string) => Error,
): MappingTarget => {
  if (!target.startsWith(`${prefix}.`)) throw problem(`mapping target ${target} must start with ${prefix}.`);
  const rest = target.slice(prefix.length + 1);
  const dot = rest.indexOf('.');
  const location = dot === -1 ? rest : rest.slice(0, dot);
  if (!locations.includes(location) || dot === -1) throw problem(`mapping target ${target} is not emulated`);
  return { location, name: rest.slice(dot + 1) };
};
