import { useState } from 'preact/hooks';
import type { TableSummary } from '../../types';
import { useJson } from '../../use-json';

/** A Query's key condition as the query string of `GET /_local/tables/{name}/query` carries it. */
export interface KeyQuery {
  readonly index: string;
  readonly pk: string;
  readonly skOp: string;
  readonly sk: string;
  readonly sk2: string;
}

type KeyPair = { partitionKey: string; sortKey?: string };
type Indexes = { key: KeyPair; indexes: Record<string, KeyPair & { kind: 'global' | 'local' }> };

const OPERATORS = [
  ['', 'any sort key'],
  ['eq', '='],
  ['lt', '<'],
  ['le', '≤'],
  ['gt', '>'],
  ['ge', '≥'],
  ['begins_with', 'begins with'],
  ['between', 'between'],
] as const;

/** Query by partition key, with an optional sort-key condition, on the table or one of its indexes. */
export function TableQueryForm({
  table,
  onQuery,
}: {
  table: TableSummary;
  onQuery: (query: KeyQuery | undefined) => void;
}) {
  const described = useJson<Indexes>(`/_local/tables/${encodeURIComponent(table.name)}/indexes`);
  const [draft, setDraft] = useState<KeyQuery>({ index: '', pk: '', skOp: '', sk: '', sk2: '' });
  const keys = (draft.index ? described.data?.indexes[draft.index] : undefined) ?? table.keySchema;
  const set = (change: Partial<KeyQuery>) => setDraft({ ...draft, ...change });
  return (
    <form
      class="table-query"
      aria-label="Query by key"
      onSubmit={(event) => {
        event.preventDefault();
        onQuery(draft);
      }}
    >
      <label>
        Index
        <select value={draft.index} onChange={(event) => set({ index: event.currentTarget.value })}>
          <option value="">table</option>
          {Object.entries(described.data?.indexes ?? {}).map(([name, index]) => (
            <option key={name} value={name}>
              {name} ({index.kind === 'global' ? 'GSI' : 'LSI'})
            </option>
          ))}
        </select>
      </label>
      <label>
        {keys.partitionKey} =
        <input
          aria-label="Partition key value"
          required
          value={draft.pk}
          onInput={(event) => set({ pk: event.currentTarget.value })}
        />
      </label>
      {keys.sortKey ? (
        <>
          <label>
            {keys.sortKey}
            <select
              aria-label="Sort key condition"
              value={draft.skOp}
              onChange={(event) => set({ skOp: event.currentTarget.value })}
            >
              {OPERATORS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {draft.skOp ? (
            <label>
              value
              <input
                aria-label="Sort key value"
                value={draft.sk}
                onInput={(event) => set({ sk: event.currentTarget.value })}
              />
            </label>
          ) : null}
          {draft.skOp === 'between' ? (
            <label>
              and
              <input
                aria-label="Sort key upper value"
                value={draft.sk2}
                onInput={(event) => set({ sk2: event.currentTarget.value })}
              />
            </label>
          ) : null}
        </>
      ) : null}
      <div class="inline-fields">
        <button type="submit">Query</button>
        <button type="button" class="secondary" onClick={() => onQuery(undefined)}>
          Scan all
        </button>
      </div>
    </form>
  );
}
