import { createObservability } from '../observability/observability';
import { dynamoDbStreamEvent, dynamoDbStreamRecord, lambdaContext } from '../testing/lambda-fixtures';
import { dynamoDbStreamHandler, type DynamoDbStreamHandlerInput } from './dynamodb-stream-handler';

const observability = createObservability('orders');
const record = (sequenceNumber: string) =>
  dynamoDbStreamRecord({
    keys: { pk: { S: `ORDER#${sequenceNumber}` }, sk: { S: 'OUTBOX#0000000001#000' } },
    newImage: { pk: { S: 'x' } },
    sequenceNumber,
  });
const batch = dynamoDbStreamEvent([record('100'), record('200'), record('300')]);

describe('dynamoDbStreamHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hands the consumer the records in stream order and answers an empty partial batch response on success', async () => {
    const seen: DynamoDbStreamHandlerInput[] = [];
    const handler = dynamoDbStreamHandler({ observability }, async (input) => {
      seen.push(input);
      return [];
    });
    await expect(handler(batch, lambdaContext('harbor-test-orders-publishOutbox'))).resolves.toEqual({
      batchItemFailures: [],
    });
    expect(seen[0]!.records.map((r) => r.dynamodb?.SequenceNumber)).toEqual(['100', '200', '300']);
    expect(seen[0]!.event).toBe(batch);
  });

  it('reports each failed record by its sequence number, in stream order, once', async () => {
    const handler = dynamoDbStreamHandler({ observability }, async () => ['300', '200', '300']);
    await expect(handler(batch, lambdaContext())).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: '200' }, { itemIdentifier: '300' }],
    });
  });

  it('refuses to report a sequence number that is not in the batch (Lambda would fail the whole batch)', async () => {
    jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const handler = dynamoDbStreamHandler({ observability }, async () => ['999']);
    await expect(handler(batch, lambdaContext())).rejects.toThrow('Failed sequence numbers not in this batch: 999');
  });

  it('logs a batch that failed as a whole with its span of records, and throws so Lambda retries it', async () => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const boom = new Error('table unavailable');
    const handler = dynamoDbStreamHandler({ observability }, async () => {
      throw boom;
    });
    await expect(handler(batch, lambdaContext())).rejects.toBe(boom);
    expect(logError).toHaveBeenCalledWith(
      expect.objectContaining({
        records: 3,
        firstSequenceNumber: '100',
        lastSequenceNumber: '300',
        eventSourceARN: expect.stringContaining(':table/harbor-test-orders/stream/'),
      }),
      boom,
    );
  });

  it('answers an empty batch with no failures', async () => {
    const handler = dynamoDbStreamHandler({ observability }, async ({ records }) =>
      records.map((r) => r.dynamodb!.SequenceNumber!),
    );
    await expect(handler(dynamoDbStreamEvent([]), lambdaContext())).resolves.toEqual({ batchItemFailures: [] });
  });
});
