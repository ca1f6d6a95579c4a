import type { InvokeOutcome } from '@harbor/local-cloud-lambda';
import { streamRecords } from '../../test/streams/recording-invoker';
import { interpretOutcome } from './batch-outcome';

const records = streamRecords(3); // sequence numbers 1001, 1002, 1003
const answered = (result: unknown): InvokeOutcome => ({
  ok: true,
  result,
  durationMs: 1,
  coldStart: false,
  requestId: 'r',
});
const failures = (...ids: unknown[]) =>
  answered({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) });

describe('interpretOutcome (AWS: partial batch responses for DynamoDB streams)', () => {
  it.each<[string, InvokeOutcome]>([
    ['a null response', answered(null)],
    ['an empty response', answered({})],
    ['a null batchItemFailures', answered({ batchItemFailures: null })],
    ['an empty batchItemFailures', answered({ batchItemFailures: [] })],
  ])('counts %s as complete success', (_, outcome) => {
    expect(interpretOutcome(outcome, records, true)).toEqual({ kind: 'success' });
  });

  it('retries from the lowest reported sequence number, whatever the order reported', () => {
    expect(interpretOutcome(failures('1003', '1002'), records, true)).toEqual({
      kind: 'partial',
      fromIndex: 1,
      failed: ['1003', '1002'],
    });
  });

  it.each<[string, InvokeOutcome]>([
    ['an empty itemIdentifier', failures('')],
    ['a null itemIdentifier', failures(null)],
    ['a wrong key name', answered({ batchItemFailures: [{ itemIdentifer: '1002' }] })],
    ['a sequence number of another batch', failures('999')],
    ['a batchItemFailures that is not a list', answered({ batchItemFailures: '1002' })],
  ])('counts %s as a complete failure', (_, outcome) => {
    expect(interpretOutcome(outcome, records, true)).toMatchObject({ kind: 'invalid-response' });
  });

  it('ignores the answer when the mapping does not report batch item failures', () => {
    expect(interpretOutcome(failures('1002'), records, false)).toEqual({ kind: 'success' });
  });

  it('passes a function error on with its type and message', () => {
    const outcome: InvokeOutcome = {
      ok: false,
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out' },
      durationMs: 3000,
      coldStart: false,
      requestId: 'r',
    };
    expect(interpretOutcome(outcome, records, true)).toEqual({
      kind: 'function-error',
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out',
    });
  });
});
