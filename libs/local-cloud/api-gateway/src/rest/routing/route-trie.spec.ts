import { RouteTrie } from './route-trie';

const problem = (detail: string) => new Error(detail);

const trie = () => {
  const routes = new RouteTrie<string>();
  routes.add('/', 'GET', 'root', problem);
  routes.add('/a/b', 'GET', 'literal', problem);
  routes.add('/a/{id}', 'GET', 'param', problem);
  routes.add('/a/{id}/c', 'POST', 'param-c', problem);
  routes.add('/{proxy+}', 'ANY', 'greedy', problem);
  return routes;
};

describe('RouteTrie', () => {
  it.each([
    ['GET', '/', 'root', {}],
    ['GET', '/a/b', 'literal', {}],
    ['GET', '/a/x%2Fy', 'param', { id: 'x/y' }],
    ['POST', '/a/b/c', 'param-c', { id: 'b' }],
    ['DELETE', '/a/b', 'greedy', { proxy: 'a/b' }],
    ['GET', '/z/y/x', 'greedy', { proxy: 'z/y/x' }],
  ])('%s %s -> %s', (method, path, value, parameters) => {
    expect(trie().match(path, method)).toEqual({ value, pathParameters: parameters });
  });

  it('matches nothing when no branch has the method', () => {
    const routes = new RouteTrie<string>();
    routes.add('/a', 'GET', 'a', problem);
    expect(routes.match('/a', 'POST')).toBeUndefined();
    expect(routes.match('/a/b', 'GET')).toBeUndefined();
  });

  it('refuses a greedy part that is not last and a duplicate method', () => {
    const routes = new RouteTrie<string>();
    expect(() => routes.add('/{p+}/x', 'GET', 'x', problem)).toThrow('must be the last part');
    routes.add('/a', 'GET', 'a', problem);
    expect(() => routes.add('/a', 'GET', 'b', problem)).toThrow('declared twice');
  });
});
