import {
  cancellationCodes,
  CONDITION_FAILED,
  conditionFailedAt,
  TRANSACTION_CONFLICT,
} from './transaction-cancellation';

/** An error shaped as the AWS SDK throws it for a refused TransactWriteItems. */
function cancelled(reasons?: unknown): Error {
  const error = new Error('Transaction cancelled, please refer cancellation reasons for specific reasons');
  error.name = 'TransactionCanceledException';
  return Object.assign(error, reasons === undefined ? {} : { CancellationReasons: reasons });
}

describe('cancellationCodes', () => {
  it('answers one code per item, in request order, "None" for an item without one', () => {
    const refused = { Code: CONDITION_FAILED, Message: 'The conditional request failed' };
    const error = cancelled([{ Code: 'None' }, refused, {}, undefined]);
    expect(cancellationCodes(error)).toEqual(['None', CONDITION_FAILED, 'None', 'None']);
  });

  it('answers an empty list for a cancelled transaction that carries no reasons', () => {
    expect(cancellationCodes(cancelled())).toEqual([]);
    expect(cancellationCodes(cancelled('not a list'))).toEqual([]);
  });

  it('answers undefined for anything that is not a cancelled transaction', () => {
    const conditional = new Error('The conditional request failed');
    conditional.name = 'ConditionalCheckFailedException';
    expect(cancellationCodes(conditional)).toBeUndefined();
    expect(cancellationCodes({ name: 'TransactionCanceledException', CancellationReasons: [] })).toBeUndefined();
    expect(cancellationCodes(undefined)).toBeUndefined();
  });
});

describe('conditionFailedAt', () => {
  const error = cancelled([{ Code: 'None' }, { Code: CONDITION_FAILED }, { Code: TRANSACTION_CONFLICT }]);

  it('is true only for the item whose condition failed', () => {
    expect(conditionFailedAt(error, 1)).toBe(true);
    expect(conditionFailedAt(error, 0)).toBe(false);
    expect(conditionFailedAt(error, 2)).toBe(false);
    expect(conditionFailedAt(error, 3)).toBe(false);
  });

  it('is false for any other error', () => {
    expect(conditionFailedAt(new Error('boom'), 0)).toBe(false);
  });
});
