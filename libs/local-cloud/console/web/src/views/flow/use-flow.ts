import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText, fetchHops } from '../../api';
import type { Hop } from '../../types';
import { FlowStore } from './flow-store';
import { takeEarlyHops } from './early-hops';

/** The first paint shows the newest hops only: a small response the list can draw at once. */
export const RECENT_HOPS = 200;
/** Then the history behind them, up to this many hops (the API allows 20,000). */
export const HISTORY_HOPS = 10_000;

export type StreamState = 'loading' | 'live' | 'reconnecting' | 'failed';

/**
 * The flow's state: the newest hops from GET /_local/hops, every new hop from GET /_local/stream, and the older
 * history loaded behind them. Stream events are buffered and applied once per animation frame, so a burst of
 * hundreds of hops costs one render.
 */
export function useFlow(): {
  store: FlowStore;
  version: number;
  state: StreamState;
  historyLoaded: boolean;
  error?: string;
} {
  const storeRef = useRef<FlowStore | undefined>(undefined);
  storeRef.current ??= new FlowStore();
  const store = storeRef.current;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<StreamState>('loading');
  const [historyLoaded, setHistoryLoaded] = useState(false);
  const [error, setError] = useState<string>();

  // A layout effect starts as soon as the view mounts (a plain effect would wait for the next frame).
  useLayoutEffect(() => {
    let closed = false;
    let source: EventSource | undefined;
    let pending: Hop[] = [];
    let frame = 0;
    const bump = () => setVersion((n) => n + 1);
    const flush = () => {
      frame = 0;
      const batch = pending;
      pending = [];
      if (store.add(batch) > 0) bump();
    };
    const follow = () => {
      // The stream replays what happened since the newest hop held, so nothing falls between load and subscribe.
      source = new EventSource(`/_local/stream?after=${store.newestHopId}`);
      source.addEventListener('open', () => setState('live'));
      source.addEventListener('error', () =>
        setState(source?.readyState === EventSource.CLOSED ? 'failed' : 'reconnecting'),
      );
      source.addEventListener('hop', (event) => {
        pending.push(JSON.parse((event as MessageEvent<string>).data) as Hop);
        frame ||= requestAnimationFrame(flush);
      });
    };
    const fail = (failure: unknown) => {
      if (closed) return;
      setState('failed');
      setError(errorText(failure));
    };
    (takeEarlyHops() ?? fetchHops(RECENT_HOPS))
      .then(({ hops }) => {
        if (closed) return;
        performance.mark('flow-recent-loaded');
        store.add(hops);
        bump();
        follow();
        if (hops.length < RECENT_HOPS) return setHistoryLoaded(true); // that was all there is
        return fetchHops(HISTORY_HOPS).then((history) => {
          if (closed) return;
          if (store.addOlder(history.hops) > 0) bump();
          setHistoryLoaded(true);
          performance.mark('flow-history-loaded');
        });
      })
      .catch(fail);
    return () => {
      closed = true;
      source?.close();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store]);

  return { store, version, state, historyLoaded, ...(error ? { error } : {}) };
}
