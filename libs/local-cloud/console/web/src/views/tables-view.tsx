import { useState } from 'preact/hooks';
import { query } from '../api';
import { ErrorNote, ScrollTable } from '../components';
import type { TableSummary } from '../types';
import { useJson } from '../use-json';

const PAGE_SIZE = 25;
/** Longer values are cut in the cell; the whole value is its tooltip. */
const CELL_CHARS = 48;

const cellText = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** Each table's items, a page at a time; the cursors of the pages before are kept for "Previous". */
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
  const cursor = cursors[cursors.length - 1];
  const page = useJson<{ items: Record<string, unknown>[]; nextCursor?: string }>(
    `/_local/tables/${encodeURIComponent(table.name)}/items${query({ limit: PAGE_SIZE, cursor })}`,
  );
  const items = page.data?.items ?? [];
  const { partitionKey, sortKey } = table.keySchema;
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
      <ErrorNote error={page.error} />
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
              {columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={index}>
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
