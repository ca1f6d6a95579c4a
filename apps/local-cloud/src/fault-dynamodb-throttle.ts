import type { TableFault } from '@harbor/local-cloud-messaging';
import { randomUUID } from 'node:crypto';

/** DynamoDB's own bodies for its throttling errors (HTTP 400), which the SDK classifies as throttles and retries. */
const THROTTLE_BODIES: Record<TableFault['error'], { readonly __type: string; readonly message: string }> = {
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
export function dynamoDbThrottleResponse(error: TableFault['error']): {
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE), as DynamoDB's x-amz-crc32 header carries it. */
export function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
