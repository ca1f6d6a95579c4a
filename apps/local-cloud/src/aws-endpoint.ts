import type { AwsServiceEndpoint } from '@harbor/local-cloud-delivery';
import { checkSignature, type SigningService } from './aws-signature';
import type { IncomingRequest, OutgoingResponse } from './http/incoming-request';

const EMULATED = 'SNS Query API, EventBridge PutEvents, API Gateway @connections, Secrets Manager GetSecretValue, EventBridge Scheduler CreateSchedule/GetSchedule/DeleteSchedule, Lambda Invoke, DynamoDB passed to DynamoDB Local';

/** An emulated service on the AWS endpoint and how its callers sign. */
export interface SignedAwsService {
  readonly endpoint: AwsServiceEndpoint;
  readonly signing: SigningService;
}

/**
 * Port 4566: the AWS service endpoint the production SDK clients reach through AWS_ENDPOINT_URL_*,
 * plus the local cloud's own /_local API. A request no emulated service understands is refused naming
 * what it asked for, never answered with a made-up success; one that is not signed with the local
 * credentials is refused as AWS refuses it.
 */
export function awsEndpoint(
  services: readonly SignedAwsService[],
  local: (request: IncomingRequest) => Promise<OutgoingResponse | undefined>,
  region: string,
) {
  return async function handleAwsRequest(request: IncomingRequest): Promise<OutgoingResponse> {
    const own = await local(request);
    if (own) return own;
    const service = services.find((candidate) => candidate.endpoint.canHandle(request));
    if (service) return (await checkSignature(request, service.signing, region)) ?? service.endpoint.handle(request);
    const target = request.headers['x-amz-target'];
    const what = target ? `x-amz-target ${target}` : `${request.method} ${request.path}`;
    return {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException' },
      body: JSON.stringify({
        __type: 'UnknownOperationException',
        message: `The local cloud does not emulate ${what} (emulated: ${EMULATED}).`,
      }),
    };
  };
}
