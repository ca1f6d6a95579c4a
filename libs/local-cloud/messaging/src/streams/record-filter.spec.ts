import { streamRecords } from '../../test/streams/recording-invoker';
import { InvalidStreamMapping } from './errors';
import { compileRecordFilter } from './record-filter';

const [record] = streamRecords(1);
const outboxInsert = {
  ...record!,
  dynamodb: { ...record!.dynamodb, Keys: { pk: { S: 'ORDER#1' }, sk: { S: 'OUTBOX#0000000001#000' } } },
};
const orderInsert = {
  ...record!,
  dynamodb: { ...record!.dynamodb, Keys: { pk: { S: 'ORDER#1' }, sk: { S: 'ORDER' } } },
};
const outboxModify = { ...outboxInsert, eventName: 'MODIFY' };
const OUTBOX_INSERTS = { eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } } };

describe('compileRecordFilter (Lambda event filtering on DynamoDB stream records)', () => {
  it('passes only the records a pattern matches, down to the key attribute values', () => {
    const filter = compileRecordFilter('outbox', [OUTBOX_INSERTS]);
    expect([outboxInsert, orderInsert, outboxModify].map(filter)).toEqual([true, false, false]);
  });

  it('passes a record that matches any one of several patterns', () => {
    const filter = compileRecordFilter('outbox', [{ eventName: ['MODIFY'] }, OUTBOX_INSERTS]);
    expect([outboxInsert, orderInsert, outboxModify].map(filter)).toEqual([true, false, true]);
  });

  it('passes everything without patterns', () => {
    expect(compileRecordFilter('all', [])(orderInsert)).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'wildcard',
      { dynamodb: { Keys: { sk: { S: [{ wildcard: 'OUTBOX#*' }] } } } },
      'filterPatterns.0.dynamodb.Keys.sk.S: the "wildcard" operator',
    ],
    [
      'cidr',
      { dynamodb: { NewImage: { ip: { S: [{ cidr: '10.0.0.0/24' }] } } } },
      'filterPatterns.0.dynamodb.NewImage.ip.S: the "cidr" operator',
    ],
    ['$or', { $or: [{ eventName: ['INSERT'] }, { eventName: ['MODIFY'] }] }, 'filterPatterns.0: "$or"'],
    [
      'anything-but prefix',
      { eventName: [{ 'anything-but': { prefix: 'IN' } }] },
      'filterPatterns.0.eventName: "anything-but" with "prefix"',
    ],
  ])('refuses %s, which Lambda event filtering does not support, naming where', (_, pattern, where) => {
    const compile = () => compileRecordFilter('outbox', [pattern]);
    expect(compile).toThrow(InvalidStreamMapping);
    expect(compile).toThrow(`Stream mapping outbox: ${where}`);
  });

  it("refuses a malformed pattern with the matcher's reason", () => {
    expect(() => compileRecordFilter('outbox', [{ eventName: 'INSERT' }])).toThrow(
      /^Stream mapping outbox: filterPatterns\.0: /,
    );
  });
});
