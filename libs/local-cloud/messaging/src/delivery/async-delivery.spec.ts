import { TraceRecorder } from '@harbor/local-cloud-trace';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { AsyncDelivery } from './async-delivery';
import type { DeliveryRequest, DeliveryTarget } from './delivery-request';
import { DeadLetterQueueNotFound, InvalidDeliverySetting } from './errors';
import { parseFaultConfig } from './faults/fault-config';
import { faultInjectingInvoker } from './faults/fault-injecting-invoker';
import { FaultInjector } from './faults/fault-injector';

const snsTarget: DeliveryTarget = {
  service: 'sns',
  name: 'notify-on-paid',
  functionId: 'notifications.onPaid',
  deadLetterQueue: 'harbor-test-notify-on-paid-dlq',
  serviceRetry: { kind: 'sns-managed-endpoint' },
};

function request(target: DeliveryTarget, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
  return {
    target,
    origin: 'harbor-test-order-status',
    messageId: 'm-1',
    correlationId: 'corr-1',
    event: { hello: 'world' },
    ...overrides,
  };
}

function setup(invoker: ScriptedInvoker) {
  const trace = new TraceRecorder();
  const delivery = new AsyncDelivery({ invoker, trace, timeCompression: 1_000_000, random: () => 1 });
  const hops = (kind: string) => trace.byCorrelationId('corr-1').filter((hop) => hop.kind === kind);
  return { trace, delivery, hops };
}

describe('AsyncDelivery', () => {
  it('delivers after the caller has returned, as an async invoke carrying the correlation id', async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', 'ok');
    const { delivery, hops } = setup(invoker);
    delivery.deliver(request(snsTarget));
    expect(invoker.calls).toHaveLength(0);
    expect(delivery.pending).toBe(1);
    await delivery.whenIdle();
    expect(invoker.calls).toEqual([
      {
        functionId: 'notifications.onPaid',
        event: { hello: 'world' },
        correlationId: 'corr-1',
        invocationType: 'Event',
      },
    ]);
    expect(hops('delivery')).toEqual([
      expect.objectContaining({
        name: 'notify-on-paid',
        status: 'ok',
        detail: expect.objectContaining({ attempt: 1, functionId: 'notifications.onPaid' }),
      }),
    ]);
    expect(delivery.pending).toBe(0);
  });

  it('retries a failing function twice, 1 and 2 minutes apart in AWS time, then dead-letters it', async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', { errorType: 'Error', errorMessage: 'boom' });
    const { delivery, hops } = setup(invoker);
    delivery.deliver(request(snsTarget));
    await delivery.whenIdle();
    expect(invoker.callsTo('notifications.onPaid')).toHaveLength(3);
    expect(
      hops('retry').map((hop) => [hop.detail?.['nextAttempt'], hop.detail?.['awsDelayMs'], hop.detail?.['retriedBy']]),
    ).toEqual([
      [2, 60_000, 'lambda'],
      [3, 120_000, 'lambda'],
    ]);
    const [queue] = delivery.deadLetters.list();
    expect(queue?.name).toBe('harbor-test-notify-on-paid-dlq');
    expect(queue?.messages).toEqual([
      expect.objectContaining({
        target: 'notify-on-paid',
        message: { hello: 'world' },
        attempts: 3,
        redriveCount: 0,
        error: { stage: 'function', errorType: 'Error', errorMessage: 'boom' },
      }),
    ]);
    expect(hops('dead-letter')).toEqual([
      expect.objectContaining({
        name: 'harbor-test-notify-on-paid-dlq',
        status: 'error',
        detail: expect.objectContaining({ dropped: false }),
      }),
    ]);
  });

  it('drops the message, and says so, when the target has no dead-letter queue', async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', { errorType: 'Error' });
    const { delivery, hops } = setup(invoker);
    delivery.deliver(request({ ...snsTarget, deadLetterQueue: undefined }));
    await delivery.whenIdle();
    expect(delivery.deadLetters.list()).toEqual([]);
    expect(hops('dead-letter')).toEqual([
      expect.objectContaining({
        name: 'notify-on-paid',
        detail: expect.objectContaining({ dropped: true, attempts: 3 }),
      }),
    ]);
  });

  it('dead-letters at once, without retrying, when the function does not exist', async () => {
    const invoker = new ScriptedInvoker();
    const { delivery, hops } = setup(invoker);
    delivery.deliver(request(snsTarget));
    await delivery.whenIdle();
    expect(hops('retry')).toHaveLength(0);
    expect(delivery.deadLetters.list()[0]?.messages[0]?.error).toEqual({
      stage: 'delivery',
      errorType: 'ResourceNotFoundException',
      errorMessage: 'Function not found: notifications.onPaid',
    });
  });

  it('retries Lambda throttles on the throttle schedule, not the function-error one', async () => {
    const invoker = new ScriptedInvoker().script(
      'notifications.onPaid',
      { errorType: 'TooManyRequestsException' },
      'ok',
    );
    const { delivery, hops } = setup(invoker);
    delivery.deliver(request(snsTarget));
    await delivery.whenIdle();
    expect(hops('retry').map((hop) => hop.detail?.['awsDelayMs'])).toEqual([1000]);
    expect(hops('delivery').map((hop) => hop.status)).toEqual(['error', 'ok']);
    expect(delivery.deadLetters.list()).toEqual([]);
  });

  describe('with an EventBridge retry policy and injected service faults', () => {
    const ruleTarget = (
      maximumRetryAttempts: number,
      maximumEventAgeSeconds: number,
      serviceErrors: number,
    ): DeliveryTarget => ({
      service: 'eventbridge',
      name: 'reserve-stock',
      functionId: 'inventory.reserve',
      deadLetterQueue: 'harbor-test-reserve-stock-dlq',
      serviceRetry: { kind: 'eventbridge', maximumRetryAttempts, maximumEventAgeSeconds },
      faults: { serviceErrors },
    });

    it('retries up to maximumRetryAttempts, then dead-letters', async () => {
      const invoker = new ScriptedInvoker().script('inventory.reserve', 'ok');
      const { delivery, hops } = setup(invoker);
      delivery.deliver(request(ruleTarget(2, 86_400, 10)));
      await delivery.whenIdle();
      expect(hops('delivery')).toHaveLength(3);
      expect(hops('retry').map((hop) => hop.detail?.['retriedBy'])).toEqual(['eventbridge', 'eventbridge']);
      expect(invoker.calls).toHaveLength(0);
      expect(delivery.deadLetters.list()[0]?.messages[0]).toEqual(
        expect.objectContaining({
          attempts: 3,
          error: expect.objectContaining({ stage: 'delivery', errorType: 'ServiceUnavailableException' }),
        }),
      );
    });

    it('delivers once the fault clears within the policy', async () => {
      const invoker = new ScriptedInvoker().script('inventory.reserve', 'ok');
      const { delivery } = setup(invoker);
      delivery.deliver(request(ruleTarget(2, 86_400, 2)));
      await delivery.whenIdle();
      expect(invoker.calls).toHaveLength(1);
      expect(delivery.deadLetters.list()).toEqual([]);
    });

    it('stops when the event would outlive maximumEventAgeSeconds', async () => {
      const invoker = new ScriptedInvoker().script('inventory.reserve', 'ok');
      const { delivery, hops } = setup(invoker);
      // Waits of 1, 2, 4, 8, 16 s (31 s) fit in 60 s; the next 32 s would not.
      delivery.deliver(request(ruleTarget(185, 60, 1000)));
      await delivery.whenIdle();
      expect(hops('delivery')).toHaveLength(6);
      expect(hops('retry').map((hop) => hop.detail?.['awsDelayMs'])).toEqual([1000, 2000, 4000, 8000, 16_000]);
    });
  });

  describe('redrive', () => {
    it('re-delivers every dead letter to its target and empties the queue', async () => {
      const invoker = new ScriptedInvoker().script('notifications.onPaid', { errorType: 'Error' });
      const { delivery, hops } = setup(invoker);
      delivery.deliver(request(snsTarget, { event: { n: 1 } }));
      delivery.deliver(request(snsTarget, { event: { n: 2 }, messageId: 'm-2' }));
      await delivery.whenIdle();
      expect(delivery.deadLetters.list()[0]?.messages).toHaveLength(2);

      invoker.script('notifications.onPaid', 'ok');
      const result = await delivery.deadLetters.redrive('harbor-test-notify-on-paid-dlq');
      expect(result).toEqual({
        queueName: 'harbor-test-notify-on-paid-dlq',
        redriven: 2,
        delivered: 2,
        failed: 0,
        remaining: 0,
      });
      expect(invoker.calls.slice(-2).map((call) => call.event)).toEqual([{ n: 1 }, { n: 2 }]);
      expect(delivery.deadLetters.list()).toEqual([{ name: 'harbor-test-notify-on-paid-dlq', messages: [] }]);
      expect(hops('delivery').filter((hop) => hop.detail?.['redrive'] === true)).toHaveLength(2);
    });

    it('keeps a message that fails again, counting the redrive', async () => {
      const invoker = new ScriptedInvoker().script('notifications.onPaid', {
        errorType: 'Error',
        errorMessage: 'first',
      });
      const { delivery } = setup(invoker);
      delivery.deliver(request(snsTarget));
      await delivery.whenIdle();
      const [letter] = delivery.deadLetters.list()[0]!.messages;

      invoker.script('notifications.onPaid', { errorType: 'TypeError', errorMessage: 'still broken' });
      const result = await delivery.deadLetters.redrive('harbor-test-notify-on-paid-dlq');
      expect(result).toEqual(expect.objectContaining({ delivered: 0, failed: 1, remaining: 1 }));
      expect(delivery.deadLetters.get(letter!.id)).toEqual(
        expect.objectContaining({
          redriveCount: 1,
          error: { stage: 'function', errorType: 'TypeError', errorMessage: 'still broken' },
        }),
      );
    });

    it('names the known queues when asked for an unknown one', async () => {
      const { delivery } = setup(new ScriptedInvoker());
      delivery.deadLetters.declareQueue('harbor-test-a-dlq');
      await expect(delivery.deadLetters.redrive('nope')).rejects.toThrow(DeadLetterQueueNotFound);
      await expect(delivery.deadLetters.redrive('nope')).rejects.toThrow('known: harbor-test-a-dlq');
    });
  });

  it('resolves whenIdle at once when nothing is pending', async () => {
    const { delivery } = setup(new ScriptedInvoker());
    await expect(delivery.whenIdle()).resolves.toBeUndefined();
  });

  it('abandons scheduled retries on stop', async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', { errorType: 'Error' });
    const trace = new TraceRecorder();
    const delivery = new AsyncDelivery({ invoker, trace, timeCompression: 1 });
    delivery.deliver(request(snsTarget));
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    while (!trace.recent().length) await tick();
    // The first attempt failed; its one-minute retry is now scheduled (uncompressed).
    expect(trace.byCorrelationId('corr-1').map((hop) => hop.kind)).toEqual(['delivery', 'retry']);
    expect(delivery.pending).toBe(1);
    delivery.stop();
    await delivery.whenIdle();
    expect(invoker.calls).toHaveLength(1);
    expect(() => delivery.deliver(request(snsTarget))).toThrow('stopped');
  });

  it('refuses a time compression that is not a positive number', () => {
    expect(
      () => new AsyncDelivery({ invoker: new ScriptedInvoker(), trace: new TraceRecorder(), timeCompression: 0 }),
    ).toThrow(InvalidDeliverySetting);
  });
});

describe('AsyncDelivery with a FaultInjector', () => {
  const ruleTarget: DeliveryTarget = {
    service: 'eventbridge',
    name: 'reserve-stock',
    functionId: 'inventory.reserveStock',
    deadLetterQueue: 'harbor-test-reserve-stock-dlq',
    serviceRetry: { kind: 'eventbridge', maximumRetryAttempts: 2, maximumEventAgeSeconds: 3600 },
  };
  const withFaults = (invoker: ScriptedInvoker, config: unknown) => {
    const faults = new FaultInjector(parseFaultConfig(config));
    const trace = new TraceRecorder();
    return {
      faults,
      trace,
      delivery: new AsyncDelivery({ invoker, trace, timeCompression: 1_000_000, random: () => 0.5, faults }),
    };
  };

  it('delivers every message 1 to 3 times in the duplicate mode, and counts the extra copies', async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', 'ok');
    const { delivery, faults } = withFaults(invoker, {
      seed: 9,
      delivery: { duplicates: { min: 1, max: 3 }, reorder: true },
    });
    for (let n = 0; n < 30; n++) delivery.deliver(request(snsTarget, { messageId: `m-${n}`, event: { n } }));
    await delivery.whenIdle();
    const perMessage = new Map<number, number>();
    for (const call of invoker.calls) {
      const n = (call.event as { n: number }).n;
      perMessage.set(n, (perMessage.get(n) ?? 0) + 1);
    }
    expect(perMessage.size).toBe(30);
    expect(new Set(perMessage.values())).toEqual(new Set([1, 2, 3]));
    expect(faults.snapshot().injected.duplicates).toEqual({ 'sns:notify-on-paid': invoker.calls.length - 30 });
    // Reordered: arrival is not publication order.
    const arrival = invoker.calls.map((call) => (call.event as { n: number }).n);
    expect(arrival).not.toEqual([...arrival].sort((a, b) => a - b));
  });

  it("fails a rule's deliveries as service errors, retried by the rule's policy and then dead-lettered", async () => {
    const invoker = new ScriptedInvoker().script('inventory.reserveStock', 'ok');
    const { delivery, faults } = withFaults(invoker, { rules: [{ match: 'reserve-stock', probability: 1 }] });
    delivery.deliver(request(ruleTarget));
    await delivery.whenIdle();
    expect(invoker.calls).toHaveLength(0);
    expect(faults.snapshot().injected.rules).toEqual({ 'reserve-stock': 3 });
    expect(delivery.deadLetters.list()[0]?.messages[0]?.error).toEqual(
      expect.objectContaining({ stage: 'delivery', errorType: 'ServiceUnavailableException' }),
    );
  });

  it("fails a topic's first deliveries as service errors, which SNS retries until one gets through", async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', 'ok');
    const { delivery, faults } = withFaults(invoker, {
      topics: [{ match: 'harbor-test-order-status', firstAttempts: 4 }],
    });
    delivery.deliver(request(snsTarget));
    await delivery.whenIdle();
    expect(invoker.calls).toHaveLength(1);
    expect(faults.snapshot().injected.topics).toEqual({ 'harbor-test-order-status': 4 });
  });

  it('retries a throttled function on Lambda’s throttle schedule, not its two error retries', async () => {
    const invoker = new ScriptedInvoker().script('notifications.onPaid', 'ok');
    const trace = new TraceRecorder();
    const throttled = faultInjectingInvoker(
      invoker,
      new FaultInjector(parseFaultConfig({ functions: [{ fault: 'throttle', firstAttempts: 5 }] })),
    );
    const throttledDelivery = new AsyncDelivery({ invoker: throttled, trace, timeCompression: 1_000_000 });
    throttledDelivery.deliver(request(snsTarget));
    await throttledDelivery.whenIdle();
    expect(invoker.calls).toHaveLength(1);
    const retries = trace.byCorrelationId('corr-1').filter((hop) => hop.kind === 'retry');
    expect(retries.map((hop) => hop.detail?.['awsDelayMs'])).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(retries.every((hop) => hop.detail?.['after'] === 'TooManyRequestsException')).toBe(true);
  });
});
