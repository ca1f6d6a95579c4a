import { invalidDefinition, stringRecord, type DefinitionLocation } from '../../core';
import type { RequestState } from '../pipeline/request-state';
import { VtlInput } from '../vtl/vtl-input';
import { compileVtl, type VtlTemplate } from '../vtl/vtl-template';

export type PassthroughBehavior = 'when_no_match' | 'when_no_templates' | 'never';

export interface MappedRequest {
  readonly body: string | Buffer;
  /** The template's content type, or the request's when passed through. */
  readonly contentType: string;
}

export interface RequestMapping {
  /** `undefined`: no template for the request's content type and passthrough forbids it (415). */
  map(state: RequestState): MappedRequest | undefined;
}

const PASSTHROUGH = new Set<string>(['when_no_match', 'when_no_templates', 'never']);

/**
 * The integration request body of a non-proxy integration: the `requestTemplates` entry for the request's
 * content type, rendered; otherwise the body passed through or refused with 415 as `passthroughBehavior` says.
 */
export const compileRequestMapping = (
  integration: Readonly<Record<string, unknown>>,
  location: DefinitionLocation,
): RequestMapping => {
  const behavior = String(integration['passthroughBehavior'] ?? 'when_no_match').toLowerCase();
  if (!PASSTHROUGH.has(behavior)) {
    throw invalidDefinition(
      location,
      'passthroughBehavior',
      `${String(integration['passthroughBehavior'])} is not when_no_match, when_no_templates or never`,
    );
  }
  const templates = new Map<string, VtlTemplate>();
  for (const [contentType, source] of Object.entries(stringRecord(integration['requestTemplates']))) {
    templates.set(
      contentType.toLowerCase(),
      compileVtl(source, { ...location, template: `requestTemplates["${contentType}"]` }),
    );
  }
  return {
    map(state) {
      const contentType = state.contentType;
      const template = templates.get(contentType);
      if (template) {
        const input = new VtlInput(state.init.body.toString('utf8'), state.methodParams());
        return {
          body: template.render({ input, context: state.context(), stageVariables: state.init.stage.variables }),
          contentType,
        };
      }
      const passes = behavior === 'when_no_match' || (behavior === 'when_no_templates' && templates.size === 0);
      return passes ? { body: state.init.body, contentType } : undefined;
    },
  };
};
