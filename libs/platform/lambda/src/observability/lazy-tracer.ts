import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Powertools' Tracer loads the X-Ray SDK, whose `cls-hooked` async hooks run on every promise the process makes
 * from then on, traced or not: a third of a small route's CPU, measured. So the SDK is loaded only when the Tracer
 * is first asked for, and the route stacks ask only where tracing may be on.
 */
export function lazyTracer(serviceName: string): () => Tracer {
  let tracer: Tracer | undefined;
  return () => {
    if (!tracer) {
      // A deferred require is the point: a static import would load the SDK with this module.
      const powertools = require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer');
      tracer = new powertools.Tracer({ serviceName });
    }
    return tracer;
  };
}

/**
 * False where Powertools' Tracer would turn itself off from the environment alone: `POWERTOOLS_TRACE_ENABLED=false`,
 * or not a Lambda execution environment (tests). Anywhere else the Tracer itself decides.
 */
export function mayTrace(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env['POWERTOOLS_TRACE_ENABLED'] ?? '').toLowerCase() !== 'false' && (env['AWS_EXECUTION_ENV'] ?? '') !== '';
}
