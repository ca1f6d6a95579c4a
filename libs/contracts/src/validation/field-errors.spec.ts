import * as z from 'zod';
import { formatFieldPath, ROOT_FIELD, toFieldErrors } from './field-errors';

describe('formatFieldPath', () => {
  it.each([
    [['lines', 3, 'quantity'], 'lines[3].quantity'],
    [['lines', 0, 'unitPrice', 'currency'], 'lines[0].unitPrice.currency'],
    [['orderId'], 'orderId'],
    [[], ROOT_FIELD],
  ])('renders %j as %s', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });
});

describe('toFieldErrors', () => {
  const schema = z.strictObject({
    items: z.array(z.strictObject({ n: z.int().min(1, { error: 'must be at least 1' }) })),
  });

  it('names the field in both the field and the message', () => {
    const result = schema.safeParse({ items: [{ n: 1 }, { n: 0 }] });
    expect(result.success).toBe(false);
    expect(toFieldErrors(result.error!)).toEqual([{ field: 'items[1].n', message: 'items[1].n must be at least 1' }]);
  });

  it('reports each unknown key as its own field', () => {
    const result = schema.safeParse({ items: [{ n: 1, extra: true }], other: 1 });
    const fields = toFieldErrors(result.error!).map((error) => error.field);
    expect(fields.sort()).toEqual(['items[0].extra', 'other']);
  });

  it('names the root when the input as a whole is wrong', () => {
    const result = schema.safeParse('text');
    expect(toFieldErrors(result.error!)[0]!.field).toBe(ROOT_FIELD);
  });
});
