/** One part of a route's path: a literal, a `{name}` variable, or the trailing greedy `{name+}`. */
export type PathPart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

export const splitPath = (path: string): string[] => path.split('/').filter((segment) => segment.length > 0);

/** Parses `/pets/{petId}/{proxy+}`; `problem` explains what API Gateway would refuse. */
export const parseRoutePath = (path: string, problem: (detail: string) => Error): PathPart[] => {
  if (!path.startsWith('/')) throw problem('a route path must start with /');
  const segments = splitPath(path);
  return segments.map((segment, index): PathPart => {
    const variable = /^\{([A-Za-z0-9._-]+)(\+?)\}$/.exec(segment);
    if (!variable) {
      if (segment.includes('{') || segment.includes('}'))
        throw problem(`path part "${segment}" must be a whole {name} or {name+} part`);
      return { kind: 'literal', text: segment };
    }
    if (variable[2] !== '+') return { kind: 'variable', name: variable[1] };
    if (index !== segments.length - 1)
      throw problem(`the greedy path variable {${variable[1]}+} must be the last part`);
    return { kind: 'greedy', name: variable[1] };
  });
};
