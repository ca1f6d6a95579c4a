import { useState } from 'preact/hooks';
import { errorText, getJson, query } from '../../api';
import { ErrorNote, formatTime } from '../../components';
import type { LogLine } from '../../types';
import { flowHash } from './flow-link';

/** Every function's kept log lines searched at once (`GET /_local/logs?q=`), newest 200, each linked to its flow. */
export function LogSearch() {
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly LogLine[]>();
  const [error, setError] = useState<string>();

  async function search(event: Event) {
    event.preventDefault();
    setError(undefined);
    try {
      setFound((await getJson<{ logs: LogLine[] }>(`/_local/logs${query({ q: text })}`)).logs);
    } catch (failure) {
      setFound(undefined);
      setError(errorText(failure));
    }
  }

  return (
    <article aria-labelledby="log-search-heading">
      <h2 id="log-search-heading">Search every function's logs</h2>
      <form role="search" aria-label="Search logs" class="inline-fields" onSubmit={search}>
        <input
          type="search"
          aria-label="Log text"
          placeholder="order id, error message…"
          maxLength={200}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" disabled={!text.trim()}>
          Search logs
        </button>
      </form>
      <ErrorNote error={error} />
      {found && !found.length ? <p>No log line contains that.</p> : null}
      {found?.length ? (
        <ol class="log-lines" aria-label="Log search results">
          {found.map((entry, index) => (
            <li key={index}>
              <small>
                {formatTime(entry.at)} {entry.functionId}
              </small>{' '}
              {entry.correlationId ? <a href={flowHash(entry.correlationId)}>open flow</a> : null}
              <pre>{entry.line}</pre>
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}
