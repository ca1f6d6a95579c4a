import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { newCustomer, placeOrderAs } from '../test/requests';

// Powertools writes metrics as CloudWatch EMF lines on stdout; the test environment switches them off, so
// this spec switches them on before the handler module (and its Metrics instance) is loaded.
let tables: OrdersTables;
let placeOrder: unknown;
beforeAll(async () => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
  tables = await freshOrdersTables();
  placeOrder = (await import('./place-order.handler')).handler;
});
afterAll(() => tables.close());

function emittedMetrics(lines: string[]): { names: string[]; namespace: string }[] {
  return lines
    .filter((line) => line.includes('"_aws"'))
    .map(
      (line) =>
        JSON.parse(line) as { _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] } },
    )
    .map((emf) => ({
      namespace: emf._aws.CloudWatchMetrics[0]!.Namespace,
      names: emf._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name),
    }));
}

it('emits a ColdStart metric once and an OrderPlaced metric per order', async () => {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  });
  try {
    await placeOrderAs(placeOrder, newCustomer());
    await placeOrderAs(placeOrder, newCustomer());
  } finally {
    write.mockRestore();
  }
  const metrics = emittedMetrics(lines);
  const names = metrics.flatMap((metric) => metric.names);
  expect(names.filter((name) => name === 'ColdStart')).toHaveLength(1);
  expect(names.filter((name) => name === 'OrderPlaced')).toHaveLength(2);
  expect(new Set(metrics.map((metric) => metric.namespace))).toEqual(new Set(['Harbor']));
});
