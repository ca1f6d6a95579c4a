import { useState } from 'preact/hooks';
import { query } from '../api';
import { ErrorNote, formatUsd, ScrollTable } from '../components';
import type { ByService, CostResponse } from '../types';
import { useJson } from '../use-json';

const SERVICE_NAMES: Record<string, string> = {
  apiGateway: 'API Gateway',
  lambda: 'Lambda',
  sns: 'SNS',
  eventBridge: 'EventBridge',
  dynamodb: 'DynamoDB',
};

function ByServiceRows({ costs }: { costs: ByService }) {
  return (
    <>
      {Object.entries(costs).map(([service, usd]) => (
        <tr key={service}>
          <td>{SERVICE_NAMES[service] ?? service}</td>
          <td>{formatUsd(usd)}</td>
        </tr>
      ))}
    </>
  );
}

/** What this session would have cost in AWS, and the same traffic mix scaled to a monthly volume. */
export function CostView() {
  const [monthlyRequests, setMonthlyRequests] = useState(1_000_000);
  const cost = useJson<CostResponse>(`/_local/cost${query({ monthlyRequests })}`);
  const data = cost.data;
  return (
    <section aria-labelledby="cost-heading">
      <h1 id="cost-heading">Cost</h1>
      <ErrorNote error={cost.error} />
      <label>
        Monthly requests
        <input
          type="number"
          min={1}
          step={1000}
          value={monthlyRequests}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            if (Number.isInteger(value) && value > 0) setMonthlyRequests(value);
          }}
        />
      </label>
      {data ? (
        <>
          <p>
            Prices for {data.prices.region}, reviewed on{' '}
            <time dateTime={data.prices.reviewedOn}>{data.prices.reviewedOn}</time>, from{' '}
            {(typeof data.prices.source === 'string' ? [data.prices.source] : data.prices.source).map(
              (source, index) => (
                <span key={source}>
                  {index ? ', ' : ''}
                  <a href={source} target="_blank" rel="noreferrer">
                    {URL.canParse(source) ? (new URL(source).pathname.split('/').filter(Boolean)[0] ?? source) : source}
                  </a>
                </span>
              ),
            )}
            .
          </p>
          <div class="two-columns">
            <article aria-label="Observed cost">
              <h2>Since start</h2>
              <p>
                Since {new Date(data.observed.sinceStart).toLocaleString()}:{' '}
                <strong>{formatUsd(data.observedCostUsd.total)}</strong>
              </p>
              <ScrollTable caption="Observed cost by service">
                <tbody>
                  <ByServiceRows costs={data.observedCostUsd.byService} />
                </tbody>
              </ScrollTable>
              <ScrollTable caption="Observed usage">
                <tbody>
                  {Object.entries(data.observed)
                    .filter(([name]) => name !== 'sinceStart')
                    .map(([name, value]) => (
                      <tr key={name}>
                        <td>{name}</td>
                        <td>{typeof value === 'number' ? Number(value.toFixed(4)) : value}</td>
                      </tr>
                    ))}
                </tbody>
              </ScrollTable>
            </article>
            <article aria-label="Monthly extrapolation">
              <h2>At {data.monthly.requests.toLocaleString()} requests a month</h2>
              <p>
                <strong>{formatUsd(data.monthly.costUsd.total)}</strong> a month
              </p>
              <ScrollTable caption="Monthly cost by service">
                <tbody>
                  <ByServiceRows costs={data.monthly.costUsd.byService} />
                </tbody>
              </ScrollTable>
              <h3>REST API vs HTTP API</h3>
              <ScrollTable caption="REST API versus HTTP API">
                <tbody>
                  <tr>
                    <td>REST API</td>
                    <td>{formatUsd(data.monthly.restVsHttpApi.restApiUsd)}</td>
                  </tr>
                  <tr>
                    <td>HTTP API</td>
                    <td>{formatUsd(data.monthly.restVsHttpApi.httpApiUsd)}</td>
                  </tr>
                </tbody>
              </ScrollTable>
            </article>
          </div>
        </>
      ) : cost.loading ? (
        <p aria-busy="true">Loading…</p>
      ) : null}
    </section>
  );
}
