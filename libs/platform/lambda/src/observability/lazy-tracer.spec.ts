import type * as ObservabilityModule from './observability';
import type * as TraceHandlerModule from '../middleware/trace-handler.middleware';
import { mayTrace } from './lazy-tracer';

const LAMBDA = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' };

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
  jest.resetModules(); // the Tracer is required after loadFresh returns: from the test's registry, fresh each test
});

/** Under `env` (until the test ends), the observability module and traceHandler loaded afresh, counting loads of the X-Ray SDK. */
function loadFresh(env: Record<string, string>) {
  Object.assign(process.env, env);
  const sdkLoads = jest.fn();
  let modules: { observability: typeof ObservabilityModule; traceHandler: typeof TraceHandlerModule } | undefined;
  jest.isolateModules(() => {
    jest.doMock('aws-xray-sdk-core', () => {
      sdkLoads();
      return jest.requireActual('aws-xray-sdk-core');
    });
    modules = {
      observability: require('./observability'),
      traceHandler: require('../middleware/trace-handler.middleware'),
    };
  });
  return { ...modules!, sdkLoads };
}

describe('mayTrace', () => {
  it('is false where Powertools would turn tracing off from the environment alone', () => {
    expect(mayTrace({ ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
    expect(mayTrace({ ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'FALSE' })).toBe(false);
    expect(mayTrace({})).toBe(false); // not a Lambda environment: tests, scripts
  });

  it('leaves the decision to the Tracer anywhere else', () => {
    expect(mayTrace(LAMBDA)).toBe(true);
    expect(mayTrace({ ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'true' })).toBe(true);
  });
});

describe('the tracer of createObservability', () => {
  it('is not built, nor the X-Ray SDK loaded, while tracing is off and nothing asks for it', async () => {
    const { observability, traceHandler, sdkLoads } = loadFresh({ ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'false' });
    const probe = observability.createObservability('probe');
    const middleware = traceHandler.traceHandler(probe);

    expect(probe.tracingEnabled).toBe(false);
    expect(await middleware.before?.({} as never)).toBeUndefined();
    expect(middleware.after).toBeUndefined();
    expect(sdkLoads).not.toHaveBeenCalled();

    // Asked for, it is Powertools' own, off as the environment says.
    expect(probe.tracer.isTracingEnabled()).toBe(false);
    expect(probe.tracer).toBe(probe.tracer);
    expect(sdkLoads).toHaveBeenCalledTimes(1);
  });

  it("is Powertools' Tracer, with its handler middleware, where tracing is on", () => {
    // No global HTTP patching in the test process.
    const { observability, traceHandler, sdkLoads } = loadFresh({
      ...LAMBDA,
      POWERTOOLS_TRACE_ENABLED: 'true',
      POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'false',
    });
    const probe = observability.createObservability('probe');
    const middleware = traceHandler.traceHandler(probe);

    expect(probe.tracingEnabled).toBe(true);
    expect(probe.tracer.isTracingEnabled()).toBe(true);
    expect(sdkLoads).toHaveBeenCalledTimes(1);
    // captureLambdaHandler's shape: it closes the handler's subsegment after the handler and on error.
    expect(typeof middleware.after).toBe('function');
    expect(typeof middleware.onError).toBe('function');
  });
});
