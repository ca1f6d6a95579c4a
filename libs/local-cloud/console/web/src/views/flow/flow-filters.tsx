import type { FlowFilter } from './flow-filter';

/** The flow's filter bar: service, function, HTTP status, errors only and free text. */
export function FlowFilters({
  filter,
  functions,
  onChange,
}: {
  filter: FlowFilter;
  functions: readonly string[];
  onChange: (filter: FlowFilter) => void;
}) {
  const services = [...new Set(functions.map((id) => id.split('.', 1)[0] ?? id))];
  const set = (change: Partial<FlowFilter>) => onChange({ ...filter, ...change });
  return (
    <form class="flow-filters" role="search" aria-label="Filter flows" onSubmit={(event) => event.preventDefault()}>
      <label>
        Service
        <select value={filter.service} onChange={(event) => set({ service: event.currentTarget.value })}>
          <option value="">any</option>
          {services.map((service) => (
            <option key={service}>{service}</option>
          ))}
        </select>
      </label>
      <label>
        Function
        <select value={filter.functionId} onChange={(event) => set({ functionId: event.currentTarget.value })}>
          <option value="">any</option>
          {functions.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </label>
      <label>
        HTTP status
        <input
          inputMode="numeric"
          placeholder="4, 404…"
          value={filter.status}
          onInput={(event) => set({ status: event.currentTarget.value.trim() })}
        />
      </label>
      <label>
        Text
        <input
          type="search"
          placeholder="correlation id, route, function…"
          value={filter.text}
          onInput={(event) => set({ text: event.currentTarget.value })}
        />
      </label>
      <label class="checkbox-label">
        <input
          type="checkbox"
          checked={filter.errorsOnly}
          onChange={(event) => set({ errorsOnly: event.currentTarget.checked })}
        />
        Errors only
      </label>
    </form>
  );
}
