import { useEffect, useState } from 'preact/hooks';
import { errorText, postJson } from '../../api';
import { ErrorNote, Json } from '../../components';
import { fillPath, parseHeaderLines, type TryableRoute } from './tryable-route';

interface RelayedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly durationMs: number;
}

const prettyBody = (body: string): string => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

/**
 * Calls a route as a client would. The browser cannot call the API ports itself (another origin, no CORS on
 * the APIs, as in AWS), so the console's server relays the request (POST /_console/send) to the local cloud's
 * own API endpoints only.
 */
export function TryItForm({
  routes,
  selected,
  onSelect,
}: {
  routes: readonly TryableRoute[];
  selected: TryableRoute | undefined;
  onSelect: (route: TryableRoute | undefined) => void;
}) {
  const route = selected ?? routes[0];
  const [params, setParams] = useState<Record<string, string>>({});
  const [queryText, setQueryText] = useState('');
  const [headerText, setHeaderText] = useState('content-type: application/json');
  const [body, setBody] = useState('');
  const [sub, setSub] = useState('customer-1');
  const [groups, setGroups] = useState('');
  const [scopes, setScopes] = useState('');
  const [token, setToken] = useState('');
  const [response, setResponse] = useState<RelayedResponse | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  useEffect(() => setParams({}), [route?.key]);

  const list = (text: string) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  async function mint(): Promise<string> {
    const minted = await postJson<{ token: string }>('/_local/token', {
      sub,
      ...(groups ? { groups: list(groups) } : {}),
      ...(scopes ? { scopes: list(scopes) } : {}),
    });
    setToken(minted.token);
    return minted.token;
  }

  async function send(event: Event) {
    event.preventDefault();
    if (!route) return;
    setSending(true);
    setError(undefined);
    try {
      const headers = parseHeaderLines(headerText);
      const bearerToken = token || (route.needsToken && sub ? await mint() : '');
      if (bearerToken && !headers['authorization'])
        headers['authorization'] = route.bearer ? `Bearer ${bearerToken}` : bearerToken;
      if (body.trim()) JSON.parse(body); // refuse a typo before it reaches the API
      const search = queryText.trim().replace(/^\?/, '');
      const url = fillPath(route.url, params) + (search ? `?${search}` : '');
      setResponse(
        await postJson<RelayedResponse>('/_console/send', {
          method: route.method,
          url,
          headers,
          ...(body.trim() ? { body } : {}),
        }),
      );
    } catch (failure) {
      setError(failure instanceof SyntaxError ? `The body is not JSON: ${failure.message}` : errorText(failure));
    } finally {
      setSending(false);
    }
  }

  if (!route) return <p>No route can be called from here.</p>;
  return (
    <article id="try-it" aria-labelledby="try-heading">
      <h2 id="try-heading">Try it</h2>
      <form onSubmit={send}>
        <label>
          Route
          <select
            aria-label="Route"
            value={route.key}
            onChange={(event) => onSelect(routes.find((candidate) => candidate.key === event.currentTarget.value))}
          >
            {routes.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {candidate.label}
              </option>
            ))}
          </select>
        </label>
        {route.pathParams.map((name) => (
          <label key={name}>
            Path parameter {name}
            <input
              name={name}
              value={params[name] ?? ''}
              required
              onInput={(event) => setParams({ ...params, [name]: event.currentTarget.value })}
            />
          </label>
        ))}
        <label>
          Query string
          <input
            value={queryText}
            placeholder="limit=10&status=PAID"
            onInput={(event) => setQueryText(event.currentTarget.value)}
          />
        </label>
        <label>
          Headers
          <textarea
            rows={2}
            value={headerText}
            placeholder="name: value, one a line"
            onInput={(event) => setHeaderText(event.currentTarget.value)}
          />
        </label>
        <label>
          JSON body
          <textarea
            rows={5}
            value={body}
            placeholder='{"currency": "EUR", "lines": [{"sku": "SKU-1", "quantity": 1}]}'
            onInput={(event) => setBody(event.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>Token from the local issuer</legend>
          <div class="inline-fields">
            <label>
              Token subject (sub)
              <input value={sub} onInput={(event) => setSub(event.currentTarget.value)} />
            </label>
            <label>
              Token groups
              <input
                value={groups}
                placeholder="admin, support"
                onInput={(event) => setGroups(event.currentTarget.value)}
              />
            </label>
            <label>
              Token scopes
              <input
                value={scopes}
                placeholder="inventory/admin"
                onInput={(event) => setScopes(event.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              class="secondary"
              onClick={() => mint().catch((failure: unknown) => setError(errorText(failure)))}
            >
              Mint token
            </button>
          </div>
          <label>
            Token
            <input
              value={token}
              placeholder="minted on send when the route needs one"
              onInput={(event) => setToken(event.currentTarget.value)}
            />
          </label>
        </fieldset>
        <button type="submit" aria-busy={sending} disabled={sending}>
          Send request
        </button>
      </form>
      <ErrorNote error={error} />
      {response ? (
        <section aria-label="Response">
          <h3>
            Response status <output aria-label="Response status">{response.status}</output>{' '}
            <small>in {Math.round(response.durationMs)} ms</small>
          </h3>
          <Json
            label="Response headers"
            value={Object.entries(response.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}
          />
          <Json label="Response body" value={prettyBody(response.body)} />
        </section>
      ) : null}
    </article>
  );
}
