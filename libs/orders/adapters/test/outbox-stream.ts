import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import * as dynamoose from 'dynamoose';

let nextSequence = 100_000_000_000_000_000_000n;

/** A stream record of one item as DynamoDB Streams delivers it to the relay (NEW_AND_OLD_IMAGES). */
export function streamRecordOf(
  item: Record<string, unknown>,
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'INSERT',
): DynamoDBRecord {
  const image = dynamoose.aws.converter().marshall(item, { removeUndefinedValues: true }) as Record<
    string,
    AttributeValue
  >;
  const sequenceNumber = String(nextSequence++);
  return {
    eventID: `event-${sequenceNumber}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_740_830_400,
      Keys: { pk: image['pk']!, sk: image['sk']! },
      ...(eventName === 'REMOVE' ? { OldImage: image } : { NewImage: image }),
      SequenceNumber: sequenceNumber,
      SizeBytes: JSON.stringify(image).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/harbor-test-orders/stream/2099-03-01T00:00:00.000',
  };
}
