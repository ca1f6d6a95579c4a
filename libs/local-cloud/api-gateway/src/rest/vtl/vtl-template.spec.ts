import { GatewayDefinitionError } from '../../core';
import { compileVtl, type VtlVariables } from './vtl-template';
import { VtlInput } from './vtl-input';

const where = { file: 'api.yaml', route: 'POST /x', template: 'requestTemplates["application/json"]' };

const variables = (body: string, overrides: Partial<VtlVariables> = {}): VtlVariables => ({
  input: new VtlInput(body, {
    path: { id: 'p-1' },
    querystring: { q: 'search' },
    header: { 'Content-Type': 'application/json', 'X-Trace': 't' },
  }),
  context: {
    requestId: 'req-1',
    stage: 'v1',
    identity: { sourceIp: '10.0.0.1' },
    authorizer: { claims: { sub: 'user-1' } },
  },
  stageVariables: { topic: 'arn:aws:sns:us-east-1:123456789012:orders' },
  ...overrides,
});

const render = (source: string, body = '{}', overrides: Partial<VtlVariables> = {}): string =>
  compileVtl(source, where).render(variables(body, overrides));

describe('compileVtl', () => {
  it('renders $input, $context and $stageVariables as API Gateway does', () => {
    const body = JSON.stringify({ lines: [{ sku: 'A-1' }, { sku: 'B-2' }], note: 'hi' });
    expect(render("$input.json('$.lines[1]')|$input.path('$').lines.size()|$input.path('$.note')", body)).toBe(
      '{"sku":"B-2"}|2|hi',
    );
    expect(
      render('$context.requestId $context.identity.sourceIp $context.authorizer.claims.sub $stageVariables.topic'),
    ).toBe('req-1 10.0.0.1 user-1 arn:aws:sns:us-east-1:123456789012:orders');
    expect(render("$input.params('id')|$input.params('q')|$input.params('x-trace')|$input.params('missing')|")).toBe(
      'p-1|search|t||',
    );
  });

  it('iterates $input.params() with #foreach and $foreach.hasNext', () => {
    const source =
      '#foreach($name in $input.params().header.keySet())$name=$input.params().header.get($name)#if($foreach.hasNext),#end#end';
    expect(render(source)).toBe('Content-Type=application/json,X-Trace=t');
  });

  it('renders undefined references as nothing', () => {
    expect(render('[$context.authorizer.claims.email][$stageVariables.nothing]')).toBe('[][]');
  });

  it('supports #set, #if/#elseif/#else and Java string methods', () => {
    const source =
      "#set($n = $input.path('$.note'))#if($n.length() > 5)long#elseif($n.isEmpty())empty#else$n.toUpperCase().replace('H','J')#end";
    expect(render(source, '{"note":"hi"}')).toBe('JI');
    expect(render(source, '{"note":""}')).toBe('empty');
  });

  it('reads an empty payload as an empty object', () => {
    expect(render("$input.json('$')", '')).toBe('{}');
  });

  it('leaves a static template untouched', () => {
    const template = compileVtl('{"statusCode": 200}', where);
    expect(template.render(variables('ignored'))).toBe('{"statusCode": 200}');
  });

  it.each([
    ['#macro(m)x#end', '#macro'],
    ['#include("other.vm")', '#include'],
    ['#define($block)x#end', '#define'],
    ['#stop', '#stop'],
    ['$util.toJson($input.body)', '$util.toJson'],
    ['$input.headers', '$input.headers'],
    ['$context.responseOverride.status', '$context.responseOverride'],
    ['$foreach.last', '$foreach.last'],
    ['$request.body', '$request'],
    ['#set($x = $input.body)$x.getBytes()', '.getBytes()'],
    ["$input.json('$..sku')", 'JSONPath'],
    ["#set($context.requestId = 'x')", '#set($context'],
  ])('refuses %s at start-up, naming %s', (source, feature) => {
    expect(() => compileVtl(source, where)).toThrow(GatewayDefinitionError);
    expect(() => compileVtl(source, where)).toThrow(feature);
    expect(() => compileVtl(source, where)).toThrow('api.yaml (POST /x)');
  });

  it('reports a template that does not parse with its position', () => {
    expect(() => compileVtl('#if($x', where)).toThrow(/does not parse at line 1/);
  });
});
