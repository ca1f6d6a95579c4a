import { GatewayDefinitionError } from './definition-error';
import { resolvePlaceholders } from './placeholders';

const resolver = (expression: string): string | undefined =>
  ({ 'lambda_invoke_arns.a': 'svc.a', region: 'eu-west-1' })[expression];

describe('resolvePlaceholders', () => {
  it('replaces placeholders everywhere and unescapes $${ and %%{ like templatefile', () => {
    const resolved = resolvePlaceholders(
      {
        uri: '${lambda_invoke_arns.a}',
        list: ['arn:${region}:x'],
        vtl: '$${stageVariables.name} %%{x} $input.body',
        n: 1,
      },
      resolver,
      'api.yaml',
    );
    expect(resolved).toEqual({
      uri: 'svc.a',
      list: ['arn:eu-west-1:x'],
      vtl: '${stageVariables.name} %{x} $input.body',
      n: 1,
    });
  });

  it('names an unknown placeholder and where it is', () => {
    expect(() => resolvePlaceholders({ paths: { '/a': { uri: '${topic_arns.nope}' } } }, resolver, 'api.yaml')).toThrow(
      'api.yaml: placeholder ${topic_arns.nope}: no local value for it (at paths./a.uri)',
    );
  });

  it('refuses templatefile directives', () => {
    expect(() => resolvePlaceholders('%{ if x }', resolver, 'api.yaml')).toThrow(GatewayDefinitionError);
  });
});
