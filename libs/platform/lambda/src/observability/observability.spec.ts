import { createObservability, METRICS_NAMESPACE } from './observability';

describe('createObservability', () => {
  it('gives one logger, tracer and metrics per service', () => {
    const orders = createObservability('orders');
    expect(createObservability('orders')).toBe(orders);
    const inventory = createObservability('inventory');
    expect(inventory.logger).not.toBe(orders.logger);
    expect(inventory.metrics).not.toBe(orders.metrics);
  });

  it('names the service and the Harbor namespace', () => {
    const { metrics, serviceName } = createObservability('notifications');
    expect(serviceName).toBe('notifications');
    expect(METRICS_NAMESPACE).toBe('Harbor');
    metrics.addMetric('probe', 'Count', 1);
    const emf = metrics.serializeMetrics();
    metrics.clearMetrics();
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('Harbor');
    expect(emf.service).toBe('notifications');
  });

  it('rejects a service name that would not fit log and metric dimensions', () => {
    expect(() => createObservability('Orders Service')).toThrow('Invalid service name "Orders Service"');
  });
});
