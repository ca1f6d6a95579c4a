import { randomUUID } from 'node:crypto';
import type { OutgoingResponse } from '../http/incoming-request';
import type { AwsRequestIdentity } from './aws-request-identity';

// What SDK users know the services as, by their SigV4 signing name; any other is shown as it is signed.
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  s3: 'S3',
  ssm: 'SSM (Systems Manager)',
  sqs: 'SQS',
  sts: 'STS',
  kms: 'KMS',
  iam: 'IAM',
  logs: 'CloudWatch Logs',
  monitoring: 'CloudWatch',
  states: 'Step Functions',
  'cognito-idp': 'Cognito user pools',
  ses: 'SES',
  email: 'SES',
  kinesis: 'Kinesis',
  firehose: 'Data Firehose',
  xray: 'X-Ray',
  sns: 'SNS',
  events: 'EventBridge',
  lambda: 'Lambda',
  dynamodb: 'DynamoDB',
  secretsmanager: 'Secrets Manager',
  scheduler: 'EventBridge Scheduler',
  'execute-api': 'API Gateway',
};

/**
 * One code for every call the local cloud does not emulate: UnknownOperationException, AWS's own word for an
 * operation the server does not know. With status 400 the SDK treats it as the caller's fault and raises it at once
 * (no retries, as it would for a 5xx), with the code as the error's name and the message naming service and action.
 */
export const NOT_EMULATED_CODE = 'UnknownOperationException';

export const serviceNameOf = (signingName: string | undefined): string | undefined =>
  signingName === undefined ? undefined : (SERVICE_NAMES[signingName] ?? signingName);

const escapeXml = (value: string): string => value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** The refusal in the caller's protocol: XML for S3 and the query protocol, JSON with `x-amzn-ErrorType` otherwise. */
export function notEmulatedRefusal(identity: AwsRequestIdentity, message: string): OutgoingResponse {
  const requestId = randomUUID();
  if (identity.protocol === 'rest-xml') {
    return {
      status: 400,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${NOT_EMULATED_CODE}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
    };
  }
  if (identity.protocol === 'query') {
    return {
      status: 400,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>${NOT_EMULATED_CODE}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
  return {
    status: 400,
    headers: {
      'content-type': identity.protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json',
      'x-amzn-errortype': NOT_EMULATED_CODE,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ __type: NOT_EMULATED_CODE, message }),
  };
}
