import { parseRoutePath } from './route-path';
import { RouteTable } from './route-table';

const problem = (detail: string) => new Error(detail);

// The example of AWS's "Routing API requests" for HTTP APIs, plus ANY and variables.
const table = new RouteTable(
  [
    ['GET', '/pets/dog/1'],
    ['GET', '/pets/dog/{id}'],
    ['GET', '/pets/{proxy+}'],
    ['ANY', '/{proxy+}'],
    ['ANY', '/pets/{id}/toys'],
    ['POST', '/pets/{id}/toys'],
    ['GET', '/pets/{kind}/{id}'],
  ].map(([method, path]) => ({ method, parts: parseRoutePath(path, problem), value: `${method} ${path}` })),
);

describe('RouteTable (HTTP API route priority)', () => {
  it.each([
    ['a full literal match wins', 'GET', '/pets/dog/1', 'GET /pets/dog/1'],
    ['a literal part beats a variable at the same place', 'GET', '/pets/dog/2', 'GET /pets/dog/{id}'],
    ['a full match with variables beats a greedy path', 'GET', '/pets/cat/3', 'GET /pets/{kind}/{id}'],
    ['a greedy path takes deeper paths', 'GET', '/pets/cat/3/photos', 'GET /pets/{proxy+}'],
    ['the longer greedy prefix wins', 'GET', '/pets/x', 'GET /pets/{proxy+}'],
    ['a method without its own route falls to ANY', 'DELETE', '/pets/dog/1', 'ANY /{proxy+}'],
    ['a named method beats ANY on the same path', 'POST', '/pets/7/toys', 'POST /pets/{id}/toys'],
    ['ANY takes the other methods of that path', 'PUT', '/pets/7/toys', 'ANY /pets/{id}/toys'],
  ])('%s', (_rule, method, path, expected) => {
    expect(table.match(method, path)?.value).toBe(expected);
  });

  it('decodes path parameters, greedy ones joined with /', () => {
    expect(table.match('GET', '/pets/dog/a%20b')?.pathParameters).toEqual({ id: 'a b' });
    expect(table.match('GET', '/pets/cat/3/photos/%C3%A9')?.pathParameters).toEqual({ proxy: 'cat/3/photos/é' });
  });

  it('a greedy variable needs at least one segment, so / matches nothing', () => {
    expect(table.match('GET', '/')).toBeUndefined();
  });

  it('refuses paths API Gateway refuses', () => {
    expect(() => parseRoutePath('/a/{proxy+}/b', problem)).toThrow('must be the last part');
    expect(() => parseRoutePath('/a/x{id}', problem)).toThrow('whole {name}');
    expect(() => parseRoutePath('pets', problem)).toThrow('must start with /');
  });
});
