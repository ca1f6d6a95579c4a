import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { parseFaultConfig } from './fault-config';
import { faultInjectingInvoker } from './fault-injecting-invoker';
import { FaultInjector } from './fault-injector';

describe('faultInjectingInvoker', () => {
  it('answers each injected fault as the Lambda service reports it, without running the handler', async () => {
    const runtime = new ScriptedInvoker().script('orders.placeOrder', 'ok');
    const faults = new FaultInjector(
      parseFaultConfig({
        functions: [
          { match: 'orders.placeOrder', fault: 'error', firstAttempts: 1 },
          { match: 'orders.placeOrder', fault: 'timeout', firstAttempts: 1 },
          { match: 'orders.placeOrder', fault: 'throttle', firstAttempts: 1 },
        ],
      }),
    );
    const invoker = faultInjectingInvoker(runtime, faults);
    const errorTypes = [];
    for (let call = 0; call < 4; call++) {
      const outcome = await invoker.invoke({ functionId: 'orders.placeOrder', event: {} });
      errorTypes.push(outcome.ok ? 'ok' : outcome.error.errorType);
    }
    expect(errorTypes).toEqual(['InjectedFault', 'Sandbox.Timedout', 'TooManyRequestsException', 'ok']);
    expect(runtime.calls).toHaveLength(1);
    expect(faults.snapshot().injected.functions).toEqual({ 'orders.placeOrder': 3 });
  });

  it('leaves unknown functions to the runtime, which knows how to refuse them', async () => {
    const runtime = new ScriptedInvoker();
    const faults = new FaultInjector(parseFaultConfig({ functions: [{ fault: 'error', probability: 1 }] }));
    const invoker = faultInjectingInvoker(runtime, faults);
    expect(invoker.has('nope.nothing')).toBe(false);
    await expect(invoker.invoke({ functionId: 'nope.nothing', event: {} })).rejects.toThrow('no script');
    expect(faults.snapshot().total).toBe(0);
  });
});
