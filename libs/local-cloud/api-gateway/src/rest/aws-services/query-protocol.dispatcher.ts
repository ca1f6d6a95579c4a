import type { AwsServiceDispatcher } from './aws-service-dispatcher';
import { queryXmlToJson } from './query-xml';

/** The HTTP exchange a local AWS Query-protocol emulator (such as the SNS one) answers. */
export interface QueryProtocolEndpoint {
  handle(request: {
    readonly method: string;
    readonly path: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: Buffer;
  }): Promise<{ readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }>;
}

const API_VERSIONS: Readonly<Record<string, string>> = { sns: '2010-03-31' };

/**
 * Sends `aws` integration calls to a local Query-protocol endpoint as API Gateway sends them to AWS (a
 * form-encoded POST) and hands back the JSON form of the answer, which is what API Gateway receives and what
 * integration response templates read (`$input.path('$.PublishResponse.PublishResult.MessageId')`).
 */
export const queryProtocolDispatcher =
  (endpoints: Readonly<Record<string, QueryProtocolEndpoint>>): AwsServiceDispatcher =>
  async (call) => {
    const endpoint = endpoints[call.service];
    if (!endpoint) throw new Error(`no local endpoint for the ${call.service} service`);
    const form = new URLSearchParams({ ...call.params, Action: call.action });
    if (!form.has('Version') && API_VERSIONS[call.service]) form.set('Version', API_VERSIONS[call.service]);
    const reply = await endpoint.handle({
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        accept: 'application/json',
        'x-correlation-id': call.correlationId,
      },
      body: Buffer.from(form.toString(), 'utf8'),
    });
    const contentType =
      Object.entries(reply.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    if (!contentType.includes('xml') && !reply.body.trimStart().startsWith('<'))
      return { status: reply.status, body: reply.body, headers: { 'content-type': 'application/json' } };
    const json = JSON.parse(queryXmlToJson(reply.body)) as Record<string, unknown>;
    // Errors come as {"Error":{...},"RequestId":...} in JSON, without the XML's ErrorResponse wrapper.
    const body = JSON.stringify(json['ErrorResponse'] ?? json);
    return { status: reply.status, body, headers: { 'content-type': 'application/json' } };
  };
