import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** The throttling errors a table fault can answer (the local cloud's fault configuration names them). */
export type DynamoDbThrottleError = 'ProvisionedThroughputExceededException' | 'ThrottlingException';

/** DynamoDB's own bodies for its throttling errors (HTTP 400), which the SDK classifies as throttles and retries. */
const THROTTLE_BODIES: Record<DynamoDbThrottleError, { readonly __type: string; readonly message: string }> = {
  ProvisionedThroughputExceededException: {
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message:
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  ThrottlingException: {
    __type: 'com.amazon.coral.availability#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
};

/** The answer DynamoDB gives a throttled call, with its request id and the CRC32 of the body it always sends. */
export function dynamoDbThrottleResponse(error: DynamoDbThrottleError): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const body = JSON.stringify(THROTTLE_BODIES[error]);
  return {
    status: 400,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': randomUUID().replace(/-/g, '').toUpperCase(),
      'x-amz-crc32': String(crc32(Buffer.from(body, 'utf8'))),
    },
    body,
  };
}
