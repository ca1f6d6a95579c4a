import { crc32 } from 'node:zlib';
import { askForConsumedCapacity, takeConsumedCapacity } from './consumed-capacity';

describe('consumed capacity through the DynamoDB passthrough', () => {
  it('asks for TOTAL on data-plane calls that did not ask, and leaves the rest alone', () => {
    const put = askForConsumedCapacity('PutItem', Buffer.from('{"TableName":"t","Item":{}}'));
    expect(put.injected).toBe(true);
    expect(JSON.parse(put.body.toString())).toEqual({ TableName: 't', Item: {}, ReturnConsumedCapacity: 'TOTAL' });
    const none = askForConsumedCapacity('GetItem', Buffer.from('{"TableName":"t","ReturnConsumedCapacity":"NONE"}'));
    expect(JSON.parse(none.body.toString()).ReturnConsumedCapacity).toBe('TOTAL');
    const asked = Buffer.from('{"TableName":"t","ReturnConsumedCapacity":"INDEXES"}');
    expect(askForConsumedCapacity('Query', asked)).toEqual({ body: asked, injected: false });
    const describe = Buffer.from('{"TableName":"t"}');
    expect(askForConsumedCapacity('DescribeTable', describe)).toEqual({ body: describe, injected: false });
  });

  it('counts read and write units and hands back the answer without what the caller did not ask for', () => {
    const body = '{"Attributes":{"a":{"S":"x"}},"ConsumedCapacity":{"TableName":"t","CapacityUnits":5.0}}';
    const write = takeConsumedCapacity(
      'UpdateItem',
      { status: 200, body, headers: { 'x-amz-crc32': String(crc32(body)) } },
      true,
    );
    expect(write.answer.status).toBe(200);
    expect(write).toMatchObject({ readUnits: 0, writeUnits: 5, answer: { body: '{"Attributes":{"a":{"S":"x"}}}' } });
    expect(write.answer.headers['x-amz-crc32']).toBe(String(crc32('{"Attributes":{"a":{"S":"x"}}}')));

    const transaction =
      '{"ConsumedCapacity":[{"TableName":"a","CapacityUnits":2},{"TableName":"b","CapacityUnits":4}]}';
    expect(takeConsumedCapacity('TransactGetItems', { body: transaction, headers: {} }, false)).toEqual({
      readUnits: 6,
      writeUnits: 0,
      answer: { body: transaction, headers: {} },
    });
  });

  it('counts nothing for an error answer', () => {
    const error = '{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException"}';
    expect(takeConsumedCapacity('PutItem', { body: error, headers: {} }, true)).toEqual({
      readUnits: 0,
      writeUnits: 0,
      answer: { body: error, headers: {} },
    });
  });
});
