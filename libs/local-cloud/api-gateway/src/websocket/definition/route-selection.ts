/** Picks a message's route key from its body, as the API's route selection expression says. */
export type RouteSelector = (body: string | undefined) => string | undefined;

const SEGMENT = /^[A-Za-z0-9_$-]+$/;

/**
 * `$request.body.<path>` (dotted, for example `$request.body.action` or `$request.body.meta.type`): the value at
 * that path of a JSON message, when it is a string. A message that is not JSON, or lacks the value, selects no key
 * and goes to `$default`. `undefined` means the expression is not one the emulator reads.
 */
export const parseRouteSelection = (expression: string): RouteSelector | undefined => {
  const match = /^\$request\.body\.(.+)$/.exec(expression.trim());
  if (!match) return undefined;
  const path = match[1].split('.');
  if (!path.every((segment) => SEGMENT.test(segment))) return undefined;
  return (body) => {
    if (body === undefined) return undefined;
    let current: unknown;
    try {
      current = JSON.parse(body);
    } catch {
      return undefined;
    }
    for (const segment of path)
      current =
        typeof current === 'object' && current !== null && !Array.isArray(current)
          ? (current as Record<string, unknown>)[segment]
          : undefined;
    return typeof current === 'string'
      ? current
      : typeof current === 'number' || typeof current === 'boolean'
        ? String(current)
        : undefined;
  };
};
