import { awsRangeReason, numbersEqual, rangeText, toComparable } from './comparable-number';

const EVENTBRIDGE = { limit: 5e9, decimals: 6 };
const SNS = { limit: 1e9, decimals: 5 };

describe('comparable numbers', () => {
  it('ignores float noise beyond the precision (0.1 + 0.2 equals 0.3)', () => {
    expect(numbersEqual(0.1 + 0.2, 0.3, EVENTBRIDGE)).toBe(true);
  });

  it('keeps six decimal digits for EventBridge and five for SNS', () => {
    expect(numbersEqual(1.000001, 1, EVENTBRIDGE)).toBe(false);
    expect(numbersEqual(1.000001, 1, SNS)).toBe(true);
    expect(numbersEqual(1.00001, 1, SNS)).toBe(false);
  });

  it('has no comparable form outside the range, where only identical numbers are equal', () => {
    expect(toComparable(5e9, EVENTBRIDGE)).toBe(5e15);
    expect(toComparable(5.000001e9, EVENTBRIDGE)).toBeUndefined();
    expect(toComparable(-1.5e9, SNS)).toBeUndefined();
    expect(numbersEqual(123456789012, 123456789012, EVENTBRIDGE)).toBe(true);
    expect(numbersEqual(123456789012, 123456789013, EVENTBRIDGE)).toBe(false);
  });

  it('describes the range in plain words and in AWS wording', () => {
    expect(rangeText(SNS)).toBe('between -1.0e9 and 1.0e9');
    expect(awsRangeReason(EVENTBRIDGE)).toBe('Value must be between -5.0E9 and 5.0E9, inclusive');
  });
});
