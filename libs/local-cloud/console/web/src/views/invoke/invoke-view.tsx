import { useEffect, useState } from 'preact/hooks';
import { errorText, getJson, postJson } from '../../api';
import { ErrorNote } from '../../components';
import type { Hop, InvokeAnswer, InvokeCatalogue } from '../../types';
import { useJson } from '../../use-json';
import { InvokeResult } from './invoke-result';

/** `#/invoke/<hopId>`: the recorded invocation whose event the form starts from. */
const hopIdOfHash = (hash: string): number | undefined => {
  const id = /^#\/invoke\/(\d+)$/.exec(hash)?.[1];
  return id === undefined ? undefined : Number(id);
};

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Invoke any function with an event of your own: start from a sample per event source (as `sam local generate-event`
 * offers) or from a recorded invocation, edit, send. The invocation is a new flow in the live flow.
 */
export function InvokeView() {
  const catalogue = useJson<InvokeCatalogue>('/_local/invoke');
  const [functionId, setFunctionId] = useState('');
  const [eventText, setEventText] = useState('{}');
  const [answer, setAnswer] = useState<InvokeAnswer>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const functions = catalogue.data?.functions ?? [];
  const chosen = functionId || functions[0]?.id || '';

  useEffect(() => {
    const hopId = hopIdOfHash(location.hash);
    if (hopId === undefined) return;
    getJson<Hop>(`/_local/hops/${hopId}`).then(
      (hop) => {
        setFunctionId(hop.name);
        setEventText(pretty(hop.payload?.['event'] ?? {}));
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  }, []);

  const chooseSample = (id: string) => {
    const sample = catalogue.data?.samples.find((candidate) => candidate.id === id);
    if (sample) setEventText(pretty(sample.event));
  };

  async function send(submitted: Event) {
    submitted.preventDefault();
    setError(undefined);
    let event: unknown;
    try {
      event = JSON.parse(eventText);
    } catch (failure) {
      setError(`The event is not JSON: ${errorText(failure)}`);
      return;
    }
    setBusy(true);
    try {
      setAnswer(await postJson<InvokeAnswer>('/_local/invoke', { functionId: chosen, event }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="invoke-heading">
      <h1 id="invoke-heading">Invoke a function</h1>
      <ErrorNote error={catalogue.error} />
      <form onSubmit={send} aria-label="Invoke form">
        <label>
          Function
          <select aria-label="Function" value={chosen} onChange={(e) => setFunctionId(e.currentTarget.value)}>
            {functions.map((fn) => (
              <option key={fn.id} value={fn.id}>
                {fn.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sample event
          <select aria-label="Sample event" value="" onChange={(e) => chooseSample(e.currentTarget.value)}>
            <option value="">Start from a sample…</option>
            {(catalogue.data?.samples ?? []).map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sample.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Event (JSON)
          <textarea
            aria-label="Event (JSON)"
            style={{ fontFamily: 'monospace' }}
            rows={16}
            spellcheck={false}
            value={eventText}
            onInput={(e) => setEventText(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy || functions.length === 0} aria-busy={busy}>
          Invoke
        </button>
      </form>
      <ErrorNote error={error} />
      {answer ? <InvokeResult answer={answer} /> : null}
    </section>
  );
}
