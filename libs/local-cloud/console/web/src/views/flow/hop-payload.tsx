import { useState } from 'preact/hooks';
import { errorText, postJson } from '../../api';
import { ErrorNote, Json } from '../../components';
import type { Hop, InvokeAnswer } from '../../types';
import { useJson } from '../../use-json';
import { InvokeResult } from '../invoke/invoke-result';

interface TruncatedPart {
  readonly truncated: true;
  readonly bytes: number;
  readonly preview: string;
}

const isTruncated = (part: unknown): part is TruncatedPart =>
  typeof part === 'object' && part !== null && (part as { truncated?: unknown }).truncated === true;

/** A body kept as text: shown pretty when it is JSON. */
function readable(part: unknown): unknown {
  if (typeof part !== 'string') return part;
  try {
    return JSON.parse(part) as unknown;
  } catch {
    return part;
  }
}

function PayloadPart({ name, part }: { name: string; part: unknown }) {
  return (
    <>
      <h5>{name}</h5>
      {isTruncated(part) ? (
        <>
          <p class="payload-note">
            Cut to its first {part.preview.length.toLocaleString()} characters of {part.bytes.toLocaleString()} bytes.
          </p>
          <Json label={`Payload ${name}`} value={part.preview} />
        </>
      ) : (
        <Json label={`Payload ${name}`} value={readable(part)} />
      )}
    </>
  );
}

/** What the hop carried (fetched on demand: windows and the stream leave payloads out), and replay for invocations. */
export function HopPayload({ hop }: { hop: Hop }) {
  const full = useJson<Hop>(`/_local/hops/${hop.id}`);
  const [replay, setReplay] = useState<{ answer?: InvokeAnswer; error?: string; busy: boolean }>({ busy: false });
  const payload = full.data?.payload;
  const replayable = hop.kind === 'invoke' && payload !== undefined && !isTruncated(payload['event']);
  const run = () => {
    setReplay({ busy: true });
    postJson<InvokeAnswer>('/_local/replay', { hopId: hop.id }).then(
      (answer) => setReplay({ answer, busy: false }),
      (error: unknown) => setReplay({ error: errorText(error), busy: false }),
    );
  };
  return (
    <section aria-label="Hop payload">
      <h4>Payload</h4>
      <ErrorNote error={full.error} />
      {full.data ? (
        payload ? (
          Object.entries(payload).map(([name, part]) => <PayloadPart key={name} name={name} part={part} />)
        ) : (
          <p>This hop carried no payload.</p>
        )
      ) : full.error ? null : (
        <p aria-busy="true">Loading payload…</p>
      )}
      {replayable ? (
        <p class="payload-actions">
          <button type="button" onClick={run} disabled={replay.busy} aria-busy={replay.busy}>
            Replay this invocation
          </button>{' '}
          <a href={`#/invoke/${hop.id}`}>Edit the event and invoke</a>
        </p>
      ) : null}
      <ErrorNote error={replay.error} />
      {replay.answer ? <InvokeResult answer={replay.answer} /> : null}
    </section>
  );
}
