import type { AwsServiceEndpoint } from '@harbor/local-cloud-messaging';
import { checkSignature, type SigningService } from './aws-signature';
import type { IncomingRequest, OutgoingResponse } from './http/incoming-request';
import { identifyAwsRequest, signingNameOf, type AwsRequestIdentity } from './not-emulated/aws-request-identity';
import { notEmulatedRefusal, serviceNameOf } from './not-emulated/not-emulated-refusal';

const EMULATED =
  'SNS Query API, EventBridge PutEvents/ListRules/DescribeEventBus/TestEventPattern, API Gateway @connections, Secrets Manager GetSecretValue, EventBridge Scheduler CreateSchedule/GetSchedule/DeleteSchedule, Lambda Invoke, DynamoDB passed to DynamoDB Local';

/** An emulated service on the AWS endpoint and how its callers sign. */
export interface SignedAwsService {
  readonly endpoint: AwsServiceEndpoint;
  readonly signing: SigningService;
}

/** Where the endpoint says, once per service and action, that a call was refused as not emulated. */
export type NotEmulatedLog = (line: string) => void;

const printToStderr: NotEmulatedLog = (line) => process.stderr.write(`${line}\n`);

/**
 * Port 4566: the AWS service endpoint the production SDK clients reach through AWS_ENDPOINT_URL_* (and, for every
 * other service, through AWS_ENDPOINT_URL), plus the local cloud's own /_local API. A request no emulated service
 * understands is refused naming the service (its SigV4 credential scope) and the action, in the caller's protocol,
 * never answered with a made-up success and never passed on to AWS; one that is not signed with the local
 * credentials is refused as AWS refuses it.
 */
export function awsEndpoint(
  services: readonly SignedAwsService[],
  local: (request: IncomingRequest) => Promise<OutgoingResponse | undefined>,
  region: string,
  log: NotEmulatedLog = printToStderr,
) {
  const emulatedSigningNames = new Set(services.map((service) => service.signing.signingName));
  const logged = new Set<string>();

  function refuse(identity: AwsRequestIdentity): OutgoingResponse {
    const service = serviceNameOf(identity.signingName);
    const what =
      service === undefined
        ? identity.asked
        : identity.action === identity.asked
          ? `${service} ${identity.asked}`
          : `${service} ${identity.action} (${identity.asked})`;
    const key = `${identity.signingName ?? ''} ${identity.action}`;
    if (!logged.has(key)) {
      logged.add(key);
      log(`[local-cloud] not emulated, refused with 400: ${what} (said once per service and action)`);
    }
    return notEmulatedRefusal(
      identity,
      `The local cloud does not emulate ${what}, so it answers here instead of letting the call reach AWS (emulated: ${EMULATED}).`,
    );
  }

  return async function handleAwsRequest(request: IncomingRequest): Promise<OutgoingResponse> {
    const own = await local(request);
    if (own) return own;
    // Signed for a service nothing here emulates (S3, SSM, STS...): no emulated service may claim it by its shape.
    const signingName = signingNameOf(request);
    if (signingName !== undefined && !emulatedSigningNames.has(signingName)) return refuse(identifyAwsRequest(request));
    const service = services.find((candidate) => candidate.endpoint.canHandle(request));
    if (service) return (await checkSignature(request, service.signing, region)) ?? service.endpoint.handle(request);
    return refuse(identifyAwsRequest(request));
  };
}
