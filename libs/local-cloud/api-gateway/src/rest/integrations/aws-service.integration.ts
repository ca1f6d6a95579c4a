import { unsupported, withTimeout, type DefinitionLocation } from '../../core';
import type { AwsServiceDispatcher } from '../aws-services/aws-service-dispatcher';
import {
  configurationError,
  integrationTimeout,
  internalServerError,
  type Integration,
  type IntegrationResult,
} from './integration';
import type { IntegrationResponses } from './integration-responses';
import type { RequestMapping } from './request-mapping';
import type { RequestParameters } from './request-parameters';

export interface AwsServiceTarget {
  readonly region: string;
  readonly service: string;
  /** From `action/<Action>` URIs; `path/...` URIs take it from the request's `Action` parameter. */
  readonly action: string | undefined;
}

const AWS_SERVICE_URI = /^arn:aws[a-z-]*:apigateway:([^:]+):(?:[A-Za-z0-9-]+\.)?([a-z0-9-]+):(action|path)\/(.*)$/;

/** Reads `arn:aws:apigateway:<region>:sns:action/Publish` (or `...:sns:path/...`); only SNS is emulated. */
export const parseAwsServiceUri = (uri: string, location: DefinitionLocation): AwsServiceTarget => {
  const match = AWS_SERVICE_URI.exec(uri);
  if (!match)
    throw unsupported(
      location,
      'aws integration',
      `uri ${uri} is not an API Gateway service URI (arn:aws:apigateway:<region>:<service>:action/<Action>)`,
    );
  const [, region, service, kind, rest] = match;
  if (service === 'lambda')
    throw unsupported(
      location,
      'aws integration to Lambda',
      'non-proxy Lambda integrations are not emulated; use aws_proxy',
    );
  if (service !== 'sns')
    throw unsupported(
      location,
      `aws integration to ${service}`,
      'only SNS (Publish) service integrations are emulated',
    );
  const action = kind === 'action' ? rest.split(/[?&]/)[0] : undefined;
  if (action !== undefined && action !== 'Publish')
    throw unsupported(location, `SNS action ${action}`, 'only Publish is emulated');
  return { region, service, action };
};

const formParams = (body: string | Buffer, contentType: string): Record<string, string> => {
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8')));
};

export interface AwsServiceSpec {
  readonly target: AwsServiceTarget;
  readonly credentials: string | undefined;
  readonly timeoutMs: number;
  readonly requestMapping: RequestMapping;
  readonly requestParameters: RequestParameters;
  readonly responses: IntegrationResponses;
  readonly dispatch: AwsServiceDispatcher;
}

/**
 * `aws` integration to SNS: the rendered template (form-encoded when `integration.request.header.Content-Type`
 * says so) and mapped query parameters become the Query request; the service's status selects the
 * integration response.
 */
export const awsServiceIntegration = (spec: AwsServiceSpec): Integration => ({
  type: 'aws',
  target: `${spec.target.service}:${spec.target.action ?? 'path'}`,
  async invoke(state): Promise<IntegrationResult> {
    const mapped = spec.requestMapping.map(state);
    if (!mapped) return { error: { responseType: 'UNSUPPORTED_MEDIA_TYPE' } };
    const parameters = spec.requestParameters(state);
    const contentType =
      Object.entries(parameters.header).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ??
      mapped.contentType;
    const params = { ...parameters.querystring, ...formParams(mapped.body, contentType) };
    const action = spec.target.action ?? params['Action'];
    if (!action) return { error: configurationError() };
    let reply;
    try {
      reply = await withTimeout(
        spec.dispatch({
          service: spec.target.service,
          region: spec.target.region,
          action,
          params,
          credentials: spec.credentials,
          correlationId: state.init.correlationId,
        }),
        spec.timeoutMs,
      );
    } catch {
      return { error: internalServerError(500) };
    }
    if (reply === undefined) return { error: integrationTimeout() };
    const headers = Object.fromEntries(
      Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const response = spec.responses.render({ status: reply.status, body: reply.body, headers }, state);
    return response ? { response } : { error: configurationError() };
  },
});
