import { useState } from 'preact/hooks';
import { errorText, sendJson } from '../../api';
import { ErrorNote } from '../../components';

/**
 * Adds (POST) or replaces (PUT) one item, as plain JSON, through DynamoDB's PutItem: the table's stream sees it as
 * any write. A failed write changes nothing and shows DynamoDB's or the console's reason.
 */
export function ItemEditor({
  table,
  item,
  mode,
  onDone,
}: {
  table: string;
  item: Record<string, unknown>;
  mode: 'add' | 'edit';
  onDone: (saved: boolean) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(item, null, 2));
  const [error, setError] = useState<string>();

  async function save(event: Event) {
    event.preventDefault();
    setError(undefined);
    try {
      const parsed = JSON.parse(text) as unknown;
      await sendJson(mode === 'add' ? 'POST' : 'PUT', `/_local/tables/${encodeURIComponent(table)}/items`, {
        item: parsed,
      });
      onDone(true);
    } catch (failure) {
      setError(failure instanceof SyntaxError ? `Not JSON: ${failure.message}` : errorText(failure));
    }
  }

  return (
    <form aria-label={mode === 'add' ? 'Add an item' : 'Edit the item'} onSubmit={save}>
      <label>
        {mode === 'add' ? 'New item (JSON)' : 'Item (JSON)'}
        <textarea rows={10} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <ErrorNote error={error} />
      <div class="inline-fields">
        <button type="submit">{mode === 'add' ? 'Add item' : 'Save item'}</button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
