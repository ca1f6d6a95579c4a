import { useState } from 'preact/hooks';
import { useHashView, VIEWS, type ViewId } from './router';
import { CostView } from './views/cost-view';
import { DeadLettersView } from './views/dead-letters-view';
import { FaultsView } from './views/faults-view';
import { FlowView } from './views/flow/flow-view';
import { InvokeView } from './views/invoke/invoke-view';
import { MessagingView } from './views/messaging-view';
import { MetricsView } from './views/metrics-view';
import { RoutesView } from './views/routes/routes-view';
import { TablesView } from './views/tables-view';

const PAGES: Record<ViewId, () => preact.JSX.Element> = {
  routes: RoutesView,
  flow: FlowView,
  invoke: InvokeView,
  messaging: MessagingView,
  tables: TablesView,
  'dead-letters': DeadLettersView,
  faults: FaultsView,
  cost: CostView,
  metrics: MetricsView,
};

export function App() {
  const view = useHashView();
  const [menuOpen, setMenuOpen] = useState(false);
  const Page = PAGES[view];
  return (
    <>
      <header class="console-header">
        <nav class="console-nav" aria-label="Console sections">
          <strong class="console-title">Harbor local cloud</strong>
          <button
            type="button"
            class="nav-toggle outline secondary"
            aria-expanded={menuOpen}
            aria-controls="console-sections"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <ul id="console-sections" class={menuOpen ? 'nav-links open' : 'nav-links'}>
            {VIEWS.map((item) => (
              <li key={item.id}>
                <a
                  href={`#/${item.id}`}
                  aria-current={item.id === view ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="container-fluid console-main">
        <Page />
      </main>
    </>
  );
}
