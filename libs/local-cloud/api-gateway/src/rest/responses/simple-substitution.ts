import { unsupportedContextPath } from '../vtl/context-variables';

/**
 * Gateway response templates are not run through VTL: API Gateway only substitutes `$context.*` and
 * `$stageVariables.*`. Directives or other variables in one fail at start-up.
 */
const VARIABLE = /\$!?\{?(context|stageVariables)((?:\.[A-Za-z0-9_]+)+)\}?/g;
const NOT_SUBSTITUTED =
  /#(set|if|elseif|else|end|foreach|macro|define|include|parse|evaluate|break|stop)\b|\$!?\{?(util|input)\b/;

export interface SubstitutionValues {
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

export type SubstitutionTemplate = (values: SubstitutionValues) => string;

const lookup = (root: unknown, names: readonly string[]): string => {
  let current = root;
  for (const name of names)
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[name] : undefined;
  return current === undefined || current === null ? '' : String(current);
};

export const compileSubstitution = (template: string, problem: (detail: string) => Error): SubstitutionTemplate => {
  const unsupported = NOT_SUBSTITUTED.exec(template);
  if (unsupported)
    throw problem(
      `${unsupported[0]} is not available: gateway response templates only substitute $context and $stageVariables`,
    );
  for (const [, root, path] of template.matchAll(VARIABLE)) {
    const names = path.slice(1).split('.');
    if (root === 'context' && unsupportedContextPath(names) !== undefined)
      throw problem(`$context${path} is not emulated`);
  }
  if (!template.includes('$')) return () => template;
  return ({ context, stageVariables }) =>
    template.replace(VARIABLE, (_match, root: string, path: string) =>
      lookup(root === 'context' ? context : stageVariables, path.slice(1).split('.')),
    );
};
