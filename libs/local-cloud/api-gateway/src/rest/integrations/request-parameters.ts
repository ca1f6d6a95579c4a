import { invalidDefinition, stringRecord, type DefinitionLocation } from '../../core';
import type { RequestState } from '../pipeline/request-state';
import { compileMappingSource, parseMappingTarget, type MappingSource } from './parameter-mapping';

export interface MappedParameters {
  readonly header: Record<string, string>;
  readonly querystring: Record<string, string>;
  readonly path: Record<string, string>;
}

export type RequestParameters = (state: RequestState) => MappedParameters;

const SOURCES = new Set(['method.request', 'context', 'stageVariables'] as const);
const LOCATIONS = ['header', 'querystring', 'path'];

/** `requestParameters` (`integration.request.header.Content-Type: "'application/x-www-form-urlencoded'"`), compiled. */
export const compileRequestParameters = (
  integration: Readonly<Record<string, unknown>>,
  location: DefinitionLocation,
): RequestParameters => {
  const problem = (detail: string): Error => invalidDefinition(location, 'requestParameters', detail);
  const entries: { location: keyof MappedParameters; name: string; source: MappingSource }[] = Object.entries(
    stringRecord(integration['requestParameters']),
  ).map(([target, expression]) => {
    const parsed = parseMappingTarget(target, 'integration.request', LOCATIONS, problem);
    return {
      location: parsed.location as keyof MappedParameters,
      name: parsed.name,
      source: compileMappingSource(expression, SOURCES, problem),
    };
  });
  return (state) => {
    const mapped: MappedParameters = { header: {}, querystring: {}, path: {} };
    if (entries.length === 0) return mapped;
    const sources = {
      headers: state.init.headers,
      query: state.init.query,
      pathParameters: state.init.pathParameters,
      stageVariables: state.init.stage.variables,
      context: state.context(),
      requestBody: state.init.body.toString('utf8'),
    };
    for (const entry of entries) {
      const value = entry.source(sources);
      if (value !== undefined) mapped[entry.location][entry.name] = value;
    }
    return mapped;
  };
};

/** The names `integration.request.path.*` maps, to check a URI's `{name}` parts at start-up. */
export const mappedPathNames = (integration: Readonly<Record<string, unknown>>): Set<string> =>
  new Set(
    Object.keys(stringRecord(integration['requestParameters']))
      .filter((target) => target.startsWith('integration.request.path.'))
      .map((target) => target.slice('integration.request.path.'.length)),
  );
