import type { RequestState } from '../pipeline/request-state';
import type { BinaryMediaTypes } from './binary-media-types';

const orNull = <T extends object>(value: T): T | null => (Object.keys(value).length === 0 ? null : value);

/**
 * The Lambda proxy event (payload format 1.0) API Gateway sends for an `aws_proxy` method: empty parameter maps
 * are `null`, header names keep the client's case, binary media types arrive base64-encoded.
 */
export const buildProxyEvent = (state: RequestState, binaryMediaTypes: BinaryMediaTypes): Record<string, unknown> => {
  const { route, path, method, headers, query, pathParameters, stage, body } = state.init;
  const binary = body.length > 0 && binaryMediaTypes.matches(headers.get('content-type'));
  return {
    resource: route.resourcePath,
    path,
    httpMethod: method,
    headers: headers.size === 0 ? null : headers.toSingle(),
    multiValueHeaders: headers.size === 0 ? null : headers.toMulti(),
    queryStringParameters: query.size === 0 ? null : query.toSingle(),
    multiValueQueryStringParameters: query.size === 0 ? null : query.toMulti(),
    pathParameters: orNull({ ...pathParameters }),
    stageVariables: orNull({ ...stage.variables }),
    requestContext: state.proxyRequestContext(),
    body: body.length === 0 ? null : body.toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary,
  };
};
