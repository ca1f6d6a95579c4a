import { useState } from 'preact/hooks';
import { errorText, sendJson } from '../api';
import { ErrorNote, ScrollTable } from '../components';
import type { FaultSnapshot } from '../types';
import { useJson } from '../use-json';

const FAULTS = '/_local/faults';
const EXAMPLE = '{\n  "functions": [{ "match": "orders.*", "fault": "error", "probability": 0.5 }]\n}';

/** The configuration as a person writes it: the server's defaults (empty lists, no reordering) left out. */
function configText(config: Record<string, unknown>): string {
  const delivery = config['delivery'] as { duplicates?: unknown; reorder?: boolean } | undefined;
  const written = Object.entries(config).filter(([key, value]) =>
    key === 'delivery' ? Boolean(delivery?.duplicates ?? delivery?.reorder) : !Array.isArray(value) || value.length > 0,
  );
  return written.length ? JSON.stringify(Object.fromEntries(written), null, 2) : '';
}

/**
 * The faults the local cloud injects (/_local/faults, the shape in libs/local-cloud/messaging/src/delivery's README): what it
 * injected so far per target, and the configuration in force, edited and applied as a whole or cleared.
 */
export function FaultsView() {
  const faults = useJson<FaultSnapshot>(FAULTS);
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<string>();
  const inForce = faults.data ? configText(faults.data.config) : '';
  const text = draft ?? inForce;
  const injected = Object.entries(faults.data?.injected ?? {}).flatMap(([category, targets]) =>
    Object.entries(targets).map(([target, count]) => ({ category, target, count })),
  );

  async function change(send: () => Promise<FaultSnapshot>) {
    setError(undefined);
    try {
      await send();
      setDraft(undefined);
      faults.reload();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  const apply = () =>
    change(() => {
      let config: unknown;
      try {
        config = JSON.parse(text || '{}');
      } catch (failure) {
        throw new Error(`The configuration is not JSON: ${errorText(failure)}`);
      }
      return sendJson<FaultSnapshot>('PUT', FAULTS, config);
    });

  return (
    <section aria-labelledby="faults-heading">
      <h1 id="faults-heading">Faults</h1>
      <p>
        Functions that fail, time out or are throttled, deliveries and tables that fail, stream batches cut short,
        duplicated and reordered deliveries: applied to every request from now on. Applying replaces the whole
        configuration and resets the counters.
      </p>
      <button type="button" class="secondary small" onClick={faults.reload}>
        Refresh
      </button>
      <ErrorNote error={faults.error} />
      {faults.data ? (
        <p aria-label="Faults injected" role="status">
          {faults.data.total} injected so far (seed {faults.data.seed}).
        </p>
      ) : null}
      {injected.length ? (
        <ScrollTable caption="Faults injected per target">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Target</th>
              <th>Injected</th>
            </tr>
          </thead>
          <tbody>
            {injected.map((row) => (
              <tr key={`${row.category} ${row.target}`}>
                <td>{row.category}</td>
                <td>{row.target}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      <label>
        Configuration (JSON; empty for none)
        <textarea
          aria-label="Fault configuration"
          rows={10}
          value={text}
          placeholder={EXAMPLE}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
      </label>
      <ErrorNote error={error} />
      <div class="inline-fields">
        <button type="button" onClick={apply}>
          Apply
        </button>
        <button type="button" class="secondary" onClick={() => change(() => sendJson<FaultSnapshot>('DELETE', FAULTS))}>
          Clear all faults
        </button>
      </div>
    </section>
  );
}
