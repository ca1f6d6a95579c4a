import { useLayoutEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../../components';
import type { Hop } from '../../types';
import { FlowList } from './flow-list';
import { HopDetail } from './hop-detail';
import { HopTimeline } from './hop-timeline';
import { useFlow } from './use-flow';

const STATE_TEXT = {
  loading: 'loading…',
  live: 'live',
  reconnecting: 'reconnecting…',
  failed: 'not connected',
} as const;

/** Live flow: every request and event as its hops happen, grouped by correlation id. */
export function FlowView() {
  const { store, version, state, historyLoaded, error } = useFlow();
  const [selectedId, setSelectedId] = useState<string>();
  const [selectedHop, setSelectedHop] = useState<Hop>();
  const group = selectedId ? store.group(selectedId) : undefined;

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
      <div class="flow-layout">
        <FlowList
          store={store}
          version={version}
          selectedId={selectedId}
          onSelect={(id) => {
            setSelectedId(id);
            setSelectedHop(undefined);
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
          ) : (
            <p>Choose a flow to see its hops.</p>
          )}
        </div>
      </div>
    </section>
  );
}
