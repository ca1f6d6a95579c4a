import { randomUUID } from 'node:crypto';
import type { AwsHttpRequest, AwsHttpResponse, AwsServiceEndpoint } from '../delivery';
import { publishingContext } from '../delivery/publishing-context';
import { SnsProtocolError } from './errors';
import { publishBatch } from './publish-batch.action';
import { publish } from './publish.action';
import { QueryParams } from './query-params';
import type { SnsContext } from './sns-context';
import type { LocalSnsOptions } from './sns-specs';
import { SnsTopology } from './sns-topology';
import { getTopicAttributes, listSubscriptionsByTopic, listTopics } from './topic-queries.action';
import { escapeXml, textElement } from './xml';

const NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

type Action = (params: QueryParams, context: SnsContext) => string;

const ACTIONS: Readonly<Record<string, Action>> = {
  Publish: publish,
  PublishBatch: publishBatch,
  ListTopics: listTopics,
  GetTopicAttributes: getTopicAttributes,
  ListSubscriptionsByTopic: listSubscriptionsByTopic,
};

/** Real SNS actions the local cloud deliberately leaves out: topics and subscriptions come from events.yaml. */
const DECLARATION_ACTIONS = new Set([
  'CreateTopic',
  'DeleteTopic',
  'Subscribe',
  'Unsubscribe',
  'ConfirmSubscription',
  'SetTopicAttributes',
  'SetSubscriptionAttributes',
  'GetSubscriptionAttributes',
  'ListSubscriptions',
  'AddPermission',
  'RemovePermission',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
]);

/**
 * The local SNS endpoint: AWS's Query protocol (form-encoded requests, XML answers and errors), so the
 * production SNS client works against it unchanged. Topics and subscriptions are fixed at construction.
 */
export class LocalSns implements AwsServiceEndpoint {
  private readonly context: SnsContext;

  constructor(options: LocalSnsOptions) {
    this.context = publishingContext(new SnsTopology(options), options);
  }

  canHandle(request: AwsHttpRequest): boolean {
    return (
      request.method === 'POST' &&
      (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') &&
      /(^|&)Action=/.test(request.body.toString())
    );
  }

  async handle(request: AwsHttpRequest): Promise<AwsHttpResponse> {
    const requestId = randomUUID();
    const params = QueryParams.parse(request.body);
    const actionName = params.get('Action') ?? '';
    try {
      const action = ACTIONS[actionName];
      if (!action) throw unknownAction(actionName);
      const result = action(params, this.context);
      const body =
        `<${actionName}Response xmlns="${NAMESPACE}"><${actionName}Result>${result}</${actionName}Result>` +
        `<ResponseMetadata>${textElement('RequestId', requestId)}</ResponseMetadata></${actionName}Response>`;
      return xmlResponse(200, body, requestId);
    } catch (error) {
      if (error instanceof SnsProtocolError) return errorResponse(error, requestId);
      // Never leak internals to the client; the status says it is the emulator's fault, not the caller's.
      return errorResponse(new SnsProtocolError('InternalError', 'Internal Error', 500, false), requestId);
    }
  }
}

function unknownAction(action: string): SnsProtocolError {
  if (DECLARATION_ACTIONS.has(action)) {
    return new SnsProtocolError(
      'InvalidAction',
      `The action ${action} is not emulated by the local cloud: topics and subscriptions are declared in each service's events.yaml.`,
    );
  }
  return new SnsProtocolError('InvalidAction', `The action ${action} is not valid for this web service.`);
}

function errorResponse(error: SnsProtocolError, requestId: string): AwsHttpResponse {
  const body =
    `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `${textElement('RequestId', requestId)}</ErrorResponse>`;
  return xmlResponse(error.status, body, requestId);
}

function xmlResponse(status: number, body: string, requestId: string): AwsHttpResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}
