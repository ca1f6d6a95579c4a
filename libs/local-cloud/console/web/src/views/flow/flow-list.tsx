import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../components';
import type { FlowRows } from './flow-filter';
import type { FlowGroup } from './flow-store';

export const ROW_HEIGHT = 56;
/** Rows rendered above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 6;
const CHIPS_PER_ROW = 8;

const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

function FlowRow({
  group,
  top,
  selected,
  onSelect,
}: {
  group: FlowGroup;
  top: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <div
      class="flow-row"
      role="option"
      tabIndex={selected ? 0 : -1}
      aria-selected={selected}
      aria-label={`${group.hops[0]?.kind} ${group.hops[0]?.name}, ${group.hops.length} hops, ${group.status}, correlation ${group.correlationId}`}
      style={{ top: `${top}px` }}
      onClick={() => onSelect(group.correlationId)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onSelect(group.correlationId);
      }}
    >
      <div class="flow-row-head">
        <span class={`status-${group.status}`}>{group.status === 'ok' ? '●' : '✖'}</span>
        <code>{shortId(group.correlationId)}</code>
        <span>{formatClock(group.startedAtMs)}</span>
        <span>{group.hops.length} hops</span>
        <span>{Math.max(0, Math.round(group.endedAtMs - group.startedAtMs))} ms</span>
      </div>
      <div class="flow-chips">
        {group.hops.slice(0, CHIPS_PER_ROW).map((hop) => (
          <span key={hop.id} class={hop.status === 'error' ? 'hop-chip error' : 'hop-chip'}>
            {hop.kind} {hop.name} {Math.round(hop.durationMs)}ms
          </span>
        ))}
        {group.hops.length > CHIPS_PER_ROW ? <span>+{group.hops.length - CHIPS_PER_ROW}</span> : null}
      </div>
    </div>
  );
}

/**
 * A window over every group, newest first: only the rows in view (plus a few) are in the DOM, so 10,000 groups
 * render as fast as 20. When new groups arrive while the user is scrolled down, the view stays on what they read.
 */
export function FlowList({
  store,
  version,
  selectedId,
  onSelect,
}: {
  store: FlowRows;
  version: number;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const previousSize = useRef(store.size);

  useLayoutEffect(() => {
    const element = viewport.current;
    const grown = store.size - previousSize.current;
    previousSize.current = store.size;
    if (element && grown > 0 && element.scrollTop > 0) element.scrollTop += grown * ROW_HEIGHT;
  }, [version, store]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(store.size, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index += 1) {
    const group = store.newest(index);
    if (group)
      rows.push(
        <FlowRow
          key={group.correlationId}
          group={group}
          top={index * ROW_HEIGHT}
          selected={group.correlationId === selectedId}
          onSelect={onSelect}
        />,
      );
  }
  return (
    <div
      ref={viewport}
      class="flow-window"
      role="listbox"
      aria-label="Flows, newest first"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: `${store.size * ROW_HEIGHT}px` }}>{rows}</div>
    </div>
  );
}
