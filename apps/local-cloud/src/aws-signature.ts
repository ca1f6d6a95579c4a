import { verifySigV4, type SigV4Failure } from '@harbor/local-cloud-auth';
import { randomUUID } from 'node:crypto';
import { LOCAL_CREDENTIALS } from './authenticator';
import type { IncomingRequest, OutgoingResponse } from './http/incoming-request';

/** How an emulated AWS service names itself in SigV4 scopes and how it words an authentication error. */
export interface SigningService {
  /** The credential scope's service: `sns`, `events`, `execute-api`, `dynamodb`. */
  readonly signingName: string;
  /** query: SNS's XML ErrorResponse; json: `__type` as DynamoDB/EventBridge; api-gateway: `{message}` + x-amzn-ErrorType. */
  readonly errors: 'query' | 'json' | 'api-gateway';
  /** A prefix of `__type` (DynamoDB answers `com.amazon.coral.service#…`). */
  readonly typePrefix?: string;
}

const HINT = ` (the local cloud accepts the access key id "${LOCAL_CREDENTIALS.accessKeyId}" with the secret "${LOCAL_CREDENTIALS.secretAccessKey}")`;

// The query protocol's codes and statuses: https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
const QUERY_CODES: Readonly<Record<SigV4Failure['errorType'], { readonly code: string; readonly status: number }>> = {
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
};

const escapeXml = (value: string): string => value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

function messageOf(failure: SigV4Failure): string {
  return failure.errorType === 'UnrecognizedClientException' ? `${failure.message}${HINT}` : failure.message;
}

/** The refusal in the service's own wire format, so SDKs and the CLI raise the exception AWS would. */
export function signatureRefusal(failure: SigV4Failure, service: SigningService): OutgoingResponse {
  const requestId = randomUUID();
  const message = messageOf(failure);
  if (service.errors === 'query') {
    const { code, status } = QUERY_CODES[failure.errorType];
    return {
      status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: `<ErrorResponse xmlns="https://${service.signingName}.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
  if (service.errors === 'json') {
    // DynamoDB documents each of these as 400: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
    return {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: `${service.typePrefix ?? ''}${failure.errorType}`, message }),
    };
  }
  return {
    status: failure.statusCode,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': failure.errorType,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message }),
  };
}

/**
 * Verifies a call's SigV4 signature as AWS does, with the local credentials the functions are given: an unsigned
 * request (a cross-site form post, say) or one signed with another secret never reaches the emulated service.
 */
export async function checkSignature(
  request: IncomingRequest,
  service: SigningService,
  region: string,
): Promise<OutgoingResponse | undefined> {
  const verdict = await verifySigV4(
    { method: request.method, url: request.url, headers: request.headers, body: request.body },
    { credentials: LOCAL_CREDENTIALS, region, service: service.signingName },
  );
  return verdict.ok ? undefined : signatureRefusal(verdict, service);
}
