import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { httpHandler } from '../http/http-handler';
import { createObservability } from '../observability/observability';
import { lambdaContext, proxyEvent } from '../testing/lambda-fixtures';

// Metrics are written as EMF lines on stdout; the test environment switches them off, this spec on (before the
// Metrics instance is made), and reports cold starts as Lambda's on-demand initialisation does.
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
process.env.POWERTOOLS_LOG_LEVEL = 'WARN';

/** Every line the handler wrote to stdout while `run` ran. */
async function stdoutOf(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return lines;
}

const emf = (lines: string[]) =>
  lines.filter((line) => line.includes('"_aws"')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('publishMetrics', () => {
  const observability = createObservability('metrics-check');
  let recordSale = false;
  const handler = httpHandler({ observability }, async ({ metrics }) => {
    metrics.addDimension('channel', 'web');
    if (recordSale) metrics.addMetric('SaleRecorded', MetricUnit.Count, 1);
    return { statusCode: 200, body: { ok: true } };
  });
  const invoke = () => handler(proxyEvent({ method: 'GET', path: '/sales' }), lambdaContext());

  it('captures the cold start once and writes nothing else for invocations that record no metric', async () => {
    const first = await stdoutOf(invoke);
    expect(emf(first).map((blob) => Object.keys(blob).filter((key) => key === 'ColdStart'))).toEqual([['ColdStart']]);
    // Powertools' own middleware warns "No application metrics to publish" here, once per invocation.
    const warn = jest.spyOn(observability.logger, 'warn');
    const quiet = await stdoutOf(async () => {
      for (let i = 0; i < 3; i += 1) await invoke();
    });
    const warnings = warn.mock.calls.map(([message]) => message);
    warn.mockRestore();
    expect(warnings).toEqual([]);
    expect(emf(quiet)).toEqual([]);
  });

  it("publishes what an invocation records, with only that invocation's dimensions", async () => {
    recordSale = true;
    const lines = await stdoutOf(invoke);
    recordSale = false;
    const [blob] = emf(lines);
    expect(blob).toMatchObject({ SaleRecorded: 1, channel: 'web', service: 'metrics-check' });
    // The dimension set by the quiet invocations before was cleared each time, never published twice over.
    const dimensionSets = (blob?.['_aws'] as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics[0]
      ?.Dimensions;
    expect(dimensionSets).toEqual([['service', 'channel']]);
  });
});
