import type { Hop } from '../../types';
import type { FlowGroup } from './flow-store';

/** One group's hops on a shared time axis: where each started and how long it took. */
export function HopTimeline({
  group,
  selectedHopId,
  onSelect,
}: {
  group: FlowGroup;
  selectedHopId: number | undefined;
  onSelect: (hop: Hop) => void;
}) {
  const span = Math.max(1, group.endedAtMs - group.startedAtMs);
  return (
    <ol class="timeline" aria-label="Hops of this flow">
      {group.hops.map((hop) => {
        const offset = ((Date.parse(hop.startedAt) - group.startedAtMs) / span) * 100;
        const width = Math.max(0.5, (hop.durationMs / span) * 100);
        return (
          <li key={hop.id}>
            <button
              type="button"
              class={hop.id === selectedHopId ? '' : 'outline'}
              aria-pressed={hop.id === selectedHopId}
              aria-label={`Hop ${hop.kind} ${hop.name} ${hop.status}`}
              onClick={() => onSelect(hop)}
            >
              <span class={`status-${hop.status}`}>{hop.status === 'ok' ? '●' : '✖'}</span> {hop.kind}{' '}
              <strong>{hop.name}</strong> {Math.round(hop.durationMs)} ms
              <div class={hop.status === 'error' ? 'timeline-bar error' : 'timeline-bar'} aria-hidden="true">
                <span
                  style={{
                    left: `${Math.min(offset, 99.5)}%`,
                    width: `${Math.min(width, 100 - Math.min(offset, 99.5))}%`,
                  }}
                />
              </div>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
