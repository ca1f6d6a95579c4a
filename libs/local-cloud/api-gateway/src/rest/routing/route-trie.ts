import { decodeOrKeep } from '../../core';

/**
 * Resource tree of a REST API: literal path parts win over `{param}` parts, which win over a greedy `{proxy+}`,
 * and the search backtracks when a more specific branch has no method for the request. Built once; matching
 * a request is a walk over its path segments with no regular expressions.
 */
interface ResourceNode<T> {
  readonly literals: Map<string, ResourceNode<T>>;
  param?: { readonly name: string; readonly node: ResourceNode<T> };
  greedy?: { readonly name: string; readonly methods: Map<string, T> };
  readonly methods: Map<string, T>;
}

export interface RouteMatch<T> {
  readonly value: T;
  readonly pathParameters: Readonly<Record<string, string>>;
}

export type TemplateProblem = (detail: string) => Error;

const newNode = <T>(): ResourceNode<T> => ({ literals: new Map(), methods: new Map() });

export const splitPath = (path: string): string[] => path.split('/').filter((segment) => segment.length > 0);

export class RouteTrie<T> {
  private readonly root = newNode<T>();

  /** `method` is upper-case, `ANY` for `x-amazon-apigateway-any-method`. */
  add(resourcePath: string, method: string, value: T, problem: TemplateProblem): void {
    const segments = splitPath(resourcePath);
    let node = this.root;
    for (const [index, segment] of segments.entries()) {
      const variable = /^\{([A-Za-z0-9._-]+)(\+?)\}$/.exec(segment);
      if (!variable) {
        if (segment.includes('{') || segment.includes('}'))
          throw problem(`path part "${segment}" must be a whole {name} or {name+} part`);
        const next = node.literals.get(segment) ?? newNode<T>();
        node.literals.set(segment, next);
        node = next;
        continue;
      }
      const [, name, greedy] = variable;
      if (greedy) {
        if (index !== segments.length - 1) throw problem(`greedy path part {${name}+} must be the last part`);
        if (node.greedy && node.greedy.name !== name) throw problem(`a sibling {${node.greedy.name}+} already exists`);
        node.greedy ??= { name, methods: new Map() };
        this.put(node.greedy.methods, method, value, problem, resourcePath);
        return;
      }
      if (node.param && node.param.name !== name) {
        throw problem(`a sibling of {${name}} already has the variable path part {${node.param.name}}`);
      }
      node.param ??= { name, node: newNode<T>() };
      node = node.param.node;
    }
    this.put(node.methods, method, value, problem, resourcePath);
  }

  match(path: string, method: string): RouteMatch<T> | undefined {
    const segments = splitPath(path);
    const parameters: Record<string, string> = {};
    const value = this.walk(this.root, segments, 0, method, parameters);
    return value === undefined ? undefined : { value, pathParameters: parameters };
  }

  private put(methods: Map<string, T>, method: string, value: T, problem: TemplateProblem, resourcePath: string): void {
    if (methods.has(method)) throw problem(`${method} ${resourcePath} is declared twice`);
    methods.set(method, value);
  }

  private walk(
    node: ResourceNode<T>,
    segments: readonly string[],
    index: number,
    method: string,
    parameters: Record<string, string>,
  ): T | undefined {
    if (index === segments.length) return node.methods.get(method) ?? node.methods.get('ANY');
    const literal = node.literals.get(segments[index]);
    if (literal) {
      const found = this.walk(literal, segments, index + 1, method, parameters);
      if (found !== undefined) return found;
    }
    if (node.param) {
      const found = this.walk(node.param.node, segments, index + 1, method, parameters);
      if (found !== undefined) {
        parameters[node.param.name] = decodeOrKeep(segments[index]);
        return found;
      }
    }
    if (node.greedy) {
      const found = node.greedy.methods.get(method) ?? node.greedy.methods.get('ANY');
      if (found !== undefined) {
        parameters[node.greedy.name] = segments.slice(index).map(decodeOrKeep).join('/');
        return found;
      }
    }
    return undefined;
  }
}
