import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ErrorNote } from '../../components';
import type { Hop } from '../../types';
import { filteredRows, functionsSeen, isFiltering, NO_FILTER, type FlowFilter } from './flow-filter';
import { FlowFilters } from './flow-filters';
import { correlationIdOfHash, flowHash } from './flow-link';
import { FlowList } from './flow-list';
import { HopDetail } from './hop-detail';
import { HopTimeline } from './hop-timeline';
import { LogSearch } from './log-search';
import { useFlow } from './use-flow';

const STATE_TEXT = {
  loading: 'loading…',
  live: 'live',
  reconnecting: 'reconnecting…',
  failed: 'not connected',
} as const;

/**
 * Live flow: every request and event as its hops happen, grouped by correlation id, filtered by the bar above the
 * list. `#/flow/<correlationId>` opens that flow, from a link or after a reload.
 */
export function FlowView() {
  const { store, version, state, historyLoaded, error } = useFlow();
  const [selectedId, setSelectedId] = useState(() => correlationIdOfHash(location.hash));
  const [selectedHop, setSelectedHop] = useState<Hop>();
  const [filter, setFilter] = useState<FlowFilter>(NO_FILTER);
  const group = selectedId ? store.group(selectedId) : undefined;
  // The store mutates in place: version says it changed.
  const rows = useMemo(() => filteredRows(store, filter), [store, version, filter]);
  const functions = useMemo(() => functionsSeen(store), [store, version]);

  useEffect(() => {
    const onChange = () => {
      const linked = correlationIdOfHash(location.hash);
      if (linked !== undefined) setSelectedId(linked);
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);

  useLayoutEffect(() => {
    // The load test's figure: navigation start to the flow list's first rows in the document.
    if (store.size > 0 && !performance.getEntriesByName('flow-list-rendered').length)
      performance.mark('flow-list-rendered');
  }, [version, store]);

  return (
    <section aria-labelledby="flow-heading">
      <h1 id="flow-heading">Live flow</h1>
      <p>
        <span aria-live="polite">Stream {STATE_TEXT[state]}</span> ·{' '}
        <output aria-label="Flow count">{store.size}</output> flows,{' '}
        <output aria-label="Hop count">{store.hopCount}</output> hops{historyLoaded ? '' : ' (loading older hops…)'}
      </p>
      <ErrorNote error={error} />
      <FlowFilters filter={filter} functions={functions} onChange={setFilter} />
      {isFiltering(filter) ? (
        <p>
          <output aria-label="Matching flow count">{rows.size}</output> flows match
        </p>
      ) : null}
      <div class="flow-layout">
        <FlowList
          store={rows}
          version={version}
          selectedId={selectedId}
          onSelect={(id) => {
            setSelectedId(id);
            setSelectedHop(undefined);
            // A link to this flow, kept in the address so a reload or a copied URL opens it again.
            history.replaceState(null, '', flowHash(id));
          }}
        />
        <div>
          {group ? (
            <article aria-label="Selected flow">
              <h2>
                Flow <code>{group.correlationId}</code>
              </h2>
              <HopTimeline group={group} selectedHopId={selectedHop?.id} onSelect={setSelectedHop} />
              {selectedHop ? (
                <HopDetail key={selectedHop.id} hop={selectedHop} />
              ) : (
                <p>Choose a hop to see its payload and logs.</p>
              )}
            </article>
          ) : selectedId ? (
            <p role="status">
              Flow <code>{selectedId}</code> is not among the hops loaded{historyLoaded ? '' : ' yet'}.
            </p>
          ) : (
            <p>Choose a flow to see its hops.</p>
          )}
        </div>
      </div>
      <LogSearch />
    </section>
  );
}
