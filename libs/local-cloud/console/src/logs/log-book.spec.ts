import { LogBook } from './log-book';
import { requestIdOfLine } from './request-id-of-line';

const R1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
const R2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('requestIdOfLine', () => {
  it('reads the request id of Powertools JSON, console text and runtime lines', () => {
    expect(requestIdOfLine(JSON.stringify({ level: 'INFO', message: 'placed', function_request_id: R1 }))).toBe(R1);
    expect(requestIdOfLine(`2026-12-02T01:00:00.000Z\t${R2}\tINFO\thello`)).toBe(R2);
    expect(requestIdOfLine(`2026-12-02T01:00:00.000Z ${R1} Task timed out after 3.00 seconds`)).toBe(R1);
  });

  it('finds none in lines written outside an invocation', () => {
    expect(requestIdOfLine('2026-12-02T01:00:00.000Z\tundefined\tINFO\tloading')).toBeUndefined();
    expect(requestIdOfLine('Runtime.UserCodeSyntaxError: bad')).toBeUndefined();
    expect(requestIdOfLine('{not json')).toBeUndefined();
  });
});

describe('LogBook', () => {
  const correlations: Record<string, string> = { [R1]: 'order-1', [R2]: 'order-2' };
  const book = (capacity?: number) =>
    new LogBook({
      capacity,
      correlationIdOfRequest: (id) => correlations[id],
      clock: () => new Date('2026-12-02T01:00:00Z'),
    });

  it('attributes interleaved lines of one function to their own requests', () => {
    const logs = book();
    logs.append('orders.placeOrder', `2026-12-02T01:00:00.000Z\t${R1}\tINFO\tfirst`);
    logs.append('orders.placeOrder', JSON.stringify({ message: 'second', function_request_id: R2 }));
    logs.append('orders.placeOrder', `2026-12-02T01:00:00.000Z\t${R1}\tINFO\tthird`);
    logs.append('orders.placeOrder', 'init line');
    expect(logs.find({ correlationId: 'order-1' }).map((entry) => entry.line.split('\t').pop())).toEqual([
      'first',
      'third',
    ]);
    expect(logs.find({ correlationId: 'order-2' })).toHaveLength(1);
    expect(logs.find({ functionId: 'orders.placeOrder' }).at(-1)).toEqual({
      functionId: 'orders.placeOrder',
      line: 'init line',
      at: '2026-12-02T01:00:00.000Z',
    });
  });

  it('keeps the most recent lines up to its capacity, oldest first', () => {
    const logs = book(3);
    for (let i = 1; i <= 5; i += 1) logs.append(i % 2 ? 'a' : 'b', `line ${i}`);
    expect(logs.find().map((entry) => entry.line)).toEqual(['line 3', 'line 4', 'line 5']);
    expect(logs.find({ functionId: 'a' }).map((entry) => entry.line)).toEqual(['line 3', 'line 5']);
  });

  it('feeds subscribers each new line', () => {
    const logs = book();
    const seen: string[] = [];
    const unsubscribe = logs.subscribe((entry) => seen.push(entry.line));
    logs.append('a', 'one');
    unsubscribe();
    logs.append('a', 'two');
    expect(seen).toEqual(['one']);
  });
});
