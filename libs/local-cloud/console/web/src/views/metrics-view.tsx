import { ErrorNote } from '../components';
import type { MetricsResponse } from '../types';
import { useJson } from '../use-json';
import { MetricChart } from './metric-chart';

/** Per function: invocations, errors, cold starts and latency percentiles, with a chart of each minute. */
export function MetricsView() {
  const metrics = useJson<MetricsResponse>('/_local/metrics');
  return (
    <section aria-labelledby="metrics-heading">
      <h1 id="metrics-heading">Metrics</h1>
      <button type="button" class="secondary small" onClick={metrics.reload}>
        Refresh
      </button>
      <ErrorNote error={metrics.error} />
      {metrics.data ? (
        <>
          <p>Since {new Date(metrics.data.since).toLocaleString()}.</p>
          {metrics.data.functions.length ? null : <p>No function has run yet.</p>}
          <div class="metric-cards">
            {metrics.data.functions.map((fn) => (
              <article key={fn.functionId} aria-label={`Metrics of ${fn.functionId}`}>
                <h2 class="card-title">{fn.functionId}</h2>
                <p>
                  {fn.invocations} invocations · <span class={fn.errors ? 'status-error' : ''}>{fn.errors} errors</span>{' '}
                  · {fn.coldStarts} cold starts · p50 {Math.round(fn.p50Ms)} ms · p99 {Math.round(fn.p99Ms)} ms
                </p>
                <MetricChart series={fn.series} label={`Invocations and p99 of ${fn.functionId} per minute`} />
              </article>
            ))}
          </div>
        </>
      ) : metrics.loading ? (
        <p aria-busy="true">Loading…</p>
      ) : null}
    </section>
  );
}
