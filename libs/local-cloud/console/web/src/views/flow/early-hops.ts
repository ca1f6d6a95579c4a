import type { Hop } from '../../types';

declare global {
  interface Window {
    /** Started by index.html's inline script when the page opens on #/flow, before this code has loaded. */
    harborEarlyHops?: Promise<{ hops: Hop[] }>;
  }
}

/** The newest hops index.html began fetching for a page opened on the flow, once; undefined otherwise. */
export function takeEarlyHops(): Promise<{ hops: Hop[] }> | undefined {
  const early = window.harborEarlyHops;
  delete window.harborEarlyHops;
  return early;
}
