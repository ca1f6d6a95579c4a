import { crc32 } from 'node:zlib';
import { dynamoDbThrottleResponse } from './fault-dynamodb-throttle';

describe('dynamoDbThrottleResponse', () => {
  it("answers HTTP 400 with DynamoDB's ProvisionedThroughputExceededException body, request id and CRC32", () => {
    const response = dynamoDbThrottleResponse('ProvisionedThroughputExceededException');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(response.body)).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    });
    expect(response.headers['x-amz-crc32']).toBe(String(crc32(Buffer.from(response.body))));
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9A-F]{32}$/);
  });

  it('answers ThrottlingException as DynamoDB does', () => {
    expect(JSON.parse(dynamoDbThrottleResponse('ThrottlingException').body)).toEqual({
      __type: 'com.amazon.coral.availability#ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
    });
  });
});
