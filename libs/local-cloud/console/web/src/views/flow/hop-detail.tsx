import { query } from '../../api';
import { ErrorNote, formatTime, Json } from '../../components';
import type { Hop, LogLine } from '../../types';
import { useJson } from '../../use-json';
import { HopPayload } from './hop-payload';

/** The function a hop ran, when it ran one: an invocation's name is its function id. */
const functionOf = (hop: Hop): string | undefined =>
  hop.kind === 'invoke' || hop.kind === 'authorizer'
    ? typeof hop.detail?.['functionId'] === 'string'
      ? (hop.detail['functionId'] as string)
      : hop.name
    : undefined;

/** A hop's payload and the log lines its function wrote for this correlation id. */
export function HopDetail({ hop }: { hop: Hop }) {
  const functionId = functionOf(hop);
  const logs = useJson<{ logs: LogLine[] }>(`/_local/logs${query({ correlationId: hop.correlationId, functionId })}`);
  return (
    <section aria-label="Hop detail">
      <h3>
        {hop.kind} {hop.name}
      </h3>
      <p>
        <span class={`status-${hop.status}`}>{hop.status}</span> · started {formatTime(hop.startedAt)} ·{' '}
        {hop.durationMs.toFixed(1)} ms · correlation <code>{hop.correlationId}</code>
      </p>
      <Json label="Hop fields" value={hop.detail ?? {}} />
      <HopPayload hop={hop} />
      <h4>Function logs{functionId ? ` of ${functionId}` : ' of this flow'}</h4>
      <ErrorNote error={logs.error} />
      {logs.data ? (
        logs.data.logs.length ? (
          <pre aria-label="Function logs">
            {logs.data.logs.map((line) => `${formatTime(line.at)} ${line.functionId} ${line.line}`).join('\n')}
          </pre>
        ) : (
          <p>No log lines.</p>
        )
      ) : (
        <p aria-busy="true">Loading logs…</p>
      )}
    </section>
  );
}
