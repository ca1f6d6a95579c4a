import { Compile, parse } from 'velocityjs';
import { invalidDefinition, isRecord, unsupported, type DefinitionLocation } from '../../core';
import { javaMethodHandlers } from './vtl-methods';
import { VtlInput } from './vtl-input';
import { vtlUtil } from './vtl-util';
import { VtlScanner } from './vtl-scanner';

export interface VtlVariables {
  readonly input: VtlInput;
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

export interface VtlTemplate {
  readonly source: string;
  render(variables: VtlVariables): string;
}

export interface TemplateLocation extends DefinitionLocation {
  /** Which template, for messages: `requestTemplates["application/json"]`. */
  readonly template: string;
}

type VelocityAst = ReturnType<typeof parse>;

const COMPILE_CONFIG = { escape: false, customMethodHandlers: [...javaMethodHandlers] };

const parseOrThrow = (source: string, location: TemplateLocation): VelocityAst => {
  try {
    return parse(source);
  } catch (error) {
    const hash = isRecord(error) && isRecord(error['hash']) ? error['hash'] : {};
    const loc = isRecord(hash['loc']) ? hash['loc'] : {};
    const where =
      typeof loc['first_line'] === 'number'
        ? ` at line ${loc['first_line']}, column ${String(loc['last_column'])}`
        : '';
    throw invalidDefinition(
      location,
      `VTL ${location.template}`,
      `does not parse${where}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
};

/**
 * Parses and checks a mapping template once, at start-up; rendering then only evaluates the cached syntax
 * tree. Undefined references render as nothing, as in API Gateway. A template without `$` or `#` is static.
 */
export const compileVtl = (source: string, location: TemplateLocation): VtlTemplate => {
  if (!source.includes('$') && !source.includes('#')) return { source, render: () => source };
  const asts = parseOrThrow(source, location);
  new VtlScanner((feature, detail) => unsupported(location, feature, `${detail} in ${location.template}`)).scan(asts);
  return {
    source,
    render: ({ input, context, stageVariables }) =>
      // A Compile holds render state (#break, #stop, locals), so each render gets its own over the shared tree.
      new Compile(asts, COMPILE_CONFIG).render(
        { input, util: Object.create(vtlUtil) as typeof vtlUtil, context, stageVariables },
        undefined,
        true,
      ),
  };
};
