import { useEffect, useState } from 'preact/hooks';

export const VIEWS = [
  { id: 'routes', label: 'Routes' },
  { id: 'flow', label: 'Live flow' },
  { id: 'invoke', label: 'Invoke' },
  { id: 'messaging', label: 'Topics & rules' },
  { id: 'tables', label: 'Tables' },
  { id: 'dead-letters', label: 'Dead letters' },
  { id: 'faults', label: 'Faults' },
  { id: 'cost', label: 'Cost' },
  { id: 'metrics', label: 'Metrics' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

const isView = (value: string): value is ViewId => VIEWS.some((view) => view.id === value);

/** `#/flow` → 'flow'; anything unknown lands on the routes page. */
export function viewOfHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isView(id) ? id : 'routes';
}

export function useHashView(): ViewId {
  const [view, setView] = useState(() => viewOfHash(location.hash));
  useEffect(() => {
    const onChange = () => setView(viewOfHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
