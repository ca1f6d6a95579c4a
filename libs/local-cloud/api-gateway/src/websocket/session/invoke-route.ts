import type { SessionContext } from './session-context';

export type RouteOutcome =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly errorType: string };

/** Invokes a route's function; an invocation the runtime refuses counts as a function error. */
export const invokeRoute = async (
  context: SessionContext,
  routeKey: string,
  event: unknown,
  correlationId: string,
): Promise<RouteOutcome> => {
  const functionId = context.declarations.routes.get(routeKey);
  if (!functionId) return { ok: false, errorType: 'NoRoute' };
  try {
    const outcome = await context.invoker.invoke({
      functionId,
      event,
      correlationId,
      invocationType: 'RequestResponse',
    });
    return outcome.ok ? { ok: true, result: outcome.result } : { ok: false, errorType: outcome.error.errorType };
  } catch (error) {
    return { ok: false, errorType: error instanceof Error ? error.name : 'InvokeError' };
  }
};

/** `$connect` accepts the connection unless the function fails or answers a status code outside 2xx. */
export const connectStatus = (outcome: RouteOutcome): number => {
  if (!outcome.ok) return 500;
  const result = outcome.result;
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) return 200;
  const status = Number((result as { statusCode: unknown }).statusCode);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 500;
};
