/**
 * Integration URIs may name stage variables (`http://${stageVariables.host}/orders`, a function name). They are
 * split once so a request only joins strings.
 */
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

export interface StageVariableTemplate {
  readonly names: readonly string[];
  render(variables: Readonly<Record<string, string>>): string;
}

export const compileStageVariableTemplate = (text: string): StageVariableTemplate => {
  const names = [...text.matchAll(STAGE_VARIABLE)].map((match) => match[1]);
  if (names.length === 0) return { names, render: () => text };
  return {
    names,
    render: (variables) => text.replace(STAGE_VARIABLE, (_match, name: string) => variables[name] ?? ''),
  };
};
