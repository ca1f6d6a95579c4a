import { useState } from 'preact/hooks';
import { ErrorNote, ScrollTable } from '../../components';
import type { RoutesResponse } from '../../types';
import { useJson } from '../../use-json';
import { toTryable, type TryableRoute } from './tryable-route';
import { TryItForm } from './try-it-form';

function integrationText(integration: string, target: string): string {
  if (integration === 'aws_proxy') return `Lambda ${target}`;
  if (integration === 'aws') return target.startsWith('sns') ? `SNS ${target}` : `AWS ${target}`;
  if (integration === 'mock') return 'mock';
  return `${integration} ${target}`;
}

/** Landing page: every declared route, and a form that calls one with a freshly minted token. */
export function RoutesView() {
  const routes = useJson<RoutesResponse>('/_local/routes');
  const [selected, setSelected] = useState<TryableRoute | undefined>();
  const tryable = routes.data ? toTryable(routes.data) : [];
  return (
    <section aria-labelledby="routes-heading">
      <h1 id="routes-heading">Routes</h1>
      <ErrorNote error={routes.error} />
      {routes.loading && !routes.data ? <p aria-busy="true">Loading routes…</p> : null}
      {routes.data ? (
        <>
          <h2>REST API</h2>
          <ScrollTable caption="REST API routes">
            <thead>
              <tr>
                <th>API</th>
                <th>Method</th>
                <th>Path</th>
                <th>Integration</th>
                <th>Authorizer</th>
                <th>Throttle</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {routes.data.routes.map((route) => {
                const key = `rest ${route.api} ${route.method} ${route.path}`;
                return (
                  <tr key={key}>
                    <td>{route.api}</td>
                    <td>{route.method}</td>
                    <td>
                      <code>{route.path}</code>
                    </td>
                    <td>{integrationText(route.integration, route.target)}</td>
                    <td>
                      {route.authorization === 'NONE'
                        ? 'none'
                        : `${route.authorization}${route.authorizerName ? ` (${route.authorizerName})` : ''}`}
                      {route.apiKeyRequired ? ' + API key' : ''}
                    </td>
                    <td>
                      {route.throttle ? `${route.throttle.rateLimit}/s, burst ${route.throttle.burstLimit}` : '—'}
                    </td>
                    <td>
                      <TryButton
                        label={`${route.method} ${route.path}`}
                        onTry={() => setSelected(tryable.find((t) => t.key === key))}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
          <h2>HTTP API</h2>
          <ScrollTable caption="HTTP API routes">
            <thead>
              <tr>
                <th>API</th>
                <th>Route</th>
                <th>Integration</th>
                <th>Authorizer</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {routes.data.httpApiRoutes.map((route) => {
                const key = `http ${route.api} ${route.routeKey}`;
                return (
                  <tr key={key}>
                    <td>{route.api}</td>
                    <td>
                      <code>{route.routeKey}</code>
                    </td>
                    <td>Lambda {route.functionId}</td>
                    <td>
                      {route.authorization === 'NONE'
                        ? 'none'
                        : `JWT${route.authorizerName ? ` (${route.authorizerName})` : ''}`}
                      {route.scopes?.length ? ` scopes: ${route.scopes.join(', ')}` : ''}
                    </td>
                    <td>
                      <TryButton label={route.routeKey} onTry={() => setSelected(tryable.find((t) => t.key === key))} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
          <h2>WebSocket API</h2>
          <ScrollTable caption="WebSocket API routes">
            <thead>
              <tr>
                <th>API</th>
                <th>Route</th>
                <th>Integration</th>
                <th>Authorizer</th>
                <th>URL</th>
              </tr>
            </thead>
            <tbody>
              {routes.data.websocketRoutes.map((route) => (
                <tr key={`ws ${route.api} ${route.routeKey}`}>
                  <td>{route.api}</td>
                  <td>
                    <code>{route.routeKey}</code>
                  </td>
                  <td>Lambda {route.functionId}</td>
                  <td>{route.authorization === 'NONE' ? 'none' : 'Lambda authorizer'}</td>
                  <td>{route.url ? <code>{route.url}</code> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <TryItForm routes={tryable} selected={selected} onSelect={setSelected} />
        </>
      ) : null}
    </section>
  );
}

function TryButton({ label, onTry }: { label: string; onTry: () => void }) {
  return (
    <button
      type="button"
      class="small outline"
      aria-label={`Try ${label}`}
      onClick={() => {
        onTry();
        document.getElementById('try-it')?.scrollIntoView({ behavior: 'smooth' });
      }}
    >
      Try
    </button>
  );
}
