import { useState } from 'preact/hooks';
import { errorText, query, sendJson } from '../api';
import { ErrorNote, ScrollTable } from '../components';
import type { TableSummary } from '../types';
import { useJson } from '../use-json';
import { ItemEditor } from './tables/item-editor';
import { TableQueryForm, type KeyQuery } from './tables/table-query-form';

const PAGE_SIZE = 25;
/** Longer values are cut in the cell; the whole value is its tooltip. */
const CELL_CHARS = 48;

const cellText = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Each table's items, a page at a time (a scan, or a query by key on the table or an index); the cursors of the
 * pages before are kept for "Previous". Items are added, edited and deleted through DynamoDB, so streams fire.
 */
export function TablesView() {
  const tables = useJson<{ tables: TableSummary[] }>('/_local/tables');
  const [chosen, setChosen] = useState<string>();
  const table = tables.data?.tables.find((summary) => summary.name === chosen) ?? tables.data?.tables[0];
  return (
    <section aria-labelledby="tables-heading">
      <h1 id="tables-heading">Tables</h1>
      <ErrorNote error={tables.error} />
      {tables.data ? (
        <label>
          Table
          <select aria-label="Table" value={table?.name} onChange={(event) => setChosen(event.currentTarget.value)}>
            {tables.data.tables.map((summary) => (
              <option key={summary.name} value={summary.name}>
                {summary.name} ({summary.service}
                {summary.itemCount === undefined ? '' : `, ~${summary.itemCount} items`})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {table ? <TableItems key={table.name} table={table} /> : null}
    </section>
  );
}

function TableItems({ table }: { table: TableSummary }) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [keyQuery, setKeyQuery] = useState<KeyQuery>();
  const [editing, setEditing] = useState<{ item: Record<string, unknown>; mode: 'add' | 'edit' }>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const cursor = cursors[cursors.length - 1];
  const base = `/_local/tables/${encodeURIComponent(table.name)}`;
  const page = useJson<{ items: Record<string, unknown>[]; nextCursor?: string }>(
    keyQuery
      ? `${base}/query${query({ ...keyQuery, limit: PAGE_SIZE, cursor })}`
      : `${base}/items${query({ limit: PAGE_SIZE, cursor })}`,
  );
  const items = page.data?.items ?? [];
  const { partitionKey, sortKey } = table.keySchema;
  const keyOf = (item: Record<string, unknown>) =>
    Object.fromEntries([partitionKey, ...(sortKey ? [sortKey] : [])].map((name) => [name, item[name]]));
  const remove = async (item: Record<string, unknown>) => {
    try {
      await sendJson('DELETE', `${base}/items`, { key: keyOf(item) });
      setOutcome({ ok: true, text: `Deleted ${JSON.stringify(keyOf(item))}` });
      page.reload();
    } catch (failure) {
      setOutcome({ ok: false, text: errorText(failure) });
    }
  };
  const columns = [
    partitionKey,
    ...(sortKey ? [sortKey] : []),
    ...new Set(items.flatMap((item) => Object.keys(item))),
  ].filter((name, index, all) => all.indexOf(name) === index);
  return (
    <>
      <p>
        Key: <code>{partitionKey}</code>
        {sortKey ? (
          <>
            {' '}
            + <code>{sortKey}</code>
          </>
        ) : null}{' '}
        · page {cursors.length}
      </p>
      <TableQueryForm
        table={table}
        onQuery={(next) => {
          setKeyQuery(next);
          setCursors([undefined]);
        }}
      />
      <ErrorNote error={page.error} />
      {outcome ? (
        <p role="status" class={outcome.ok ? 'status-ok' : 'status-error'}>
          {outcome.text}
        </p>
      ) : null}
      {editing ? (
        <ItemEditor
          key={JSON.stringify(editing)}
          table={table.name}
          item={editing.item}
          mode={editing.mode}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) {
              setOutcome({ ok: true, text: editing.mode === 'add' ? 'Item added' : 'Item saved' });
              page.reload();
            }
          }}
        />
      ) : (
        <button
          type="button"
          class="secondary small"
          onClick={() =>
            setEditing({ mode: 'add', item: { [partitionKey]: '', ...(sortKey ? { [sortKey]: '' } : {}) } })
          }
        >
          New item
        </button>
      )}
      <div class="inline-fields">
        <button
          type="button"
          class="secondary small"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          class="secondary small"
          disabled={!page.data?.nextCursor}
          onClick={() => setCursors([...cursors, page.data?.nextCursor])}
        >
          Next page
        </button>
      </div>
      {page.loading ? <p aria-busy="true">Loading items…</p> : null}
      {page.data && !items.length ? <p>No items.</p> : null}
      {items.length ? (
        <ScrollTable caption={`Items of ${table.name}`} class="items-table">
          <thead>
            <tr>
              <th>
                <span class="visually-hidden">Actions</span>
              </th>
              {columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={index}>
                <td class="row-actions">
                  <button
                    type="button"
                    class="outline small"
                    aria-label={`Edit ${JSON.stringify(keyOf(item))}`}
                    onClick={() => setEditing({ mode: 'edit', item })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="outline secondary small"
                    aria-label={`Delete ${JSON.stringify(keyOf(item))}`}
                    onClick={() => void remove(item)}
                  >
                    Delete
                  </button>
                </td>
                {columns.map((column) => {
                  const value = cellText(item[column]);
                  return (
                    <td key={column} title={value.length > CELL_CHARS ? value : undefined}>
                      {value ? (
                        <code>{value.length > CELL_CHARS ? `${value.slice(0, CELL_CHARS)}…` : value}</code>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
