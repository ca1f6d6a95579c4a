import { parseAuthorization } from '@harbor/local-cloud-auth';
import type { IncomingRequest } from '../http/incoming-request';

/** The wire protocol a caller speaks, so a refusal is in the shape its SDK reads the error's code and message from. */
export type AwsProtocol = 'json' | 'query' | 'rest-xml' | 'rest-json';

/** Which AWS service and action a request asks for, as far as the request itself says. */
export interface AwsRequestIdentity {
  /** The SigV4 credential scope's service (`s3`, `ssm`, `sts`), when the request is signed. */
  readonly signingName?: string;
  /** The operation: `GetParameter`, `ListBuckets`; the method and path of a REST call that names none. */
  readonly action: string;
  /** Where the action was read: `X-Amz-Target AmazonSSM.GetParameter`, `Action=GetCallerIdentity`, `GET /bucket/key`. */
  readonly asked: string;
  readonly protocol: AwsProtocol;
}

// Services whose REST protocol answers errors in XML (`<Error><Code>`); every other REST service answers JSON.
const REST_XML = new Set(['s3', 's3-outposts', 'route53', 'cloudfront']);
// S3 query parameters that do not change the operation (sub-resources such as ?acl or ?tagging do).
const S3_PLAIN_PARAMETERS =
  /^(list-type|prefix|delimiter|max-keys|continuation-token|start-after|encoding-type|marker|fetch-owner|versionId|X-Amz-.*)$/;

/** The credential scope's service, from the Authorization header or a presigned URL's X-Amz-Credential. */
export function signingNameOf(request: Pick<IncomingRequest, 'headers' | 'url' | 'path'>): string | undefined {
  const header = request.headers['authorization'];
  if (header !== undefined) {
    const parsed = parseAuthorization(header);
    return parsed.ok ? parsed.value.service : undefined;
  }
  if (!request.url.includes('X-Amz-Credential=')) return undefined;
  return new URLSearchParams(request.url.slice(request.path.length + 1)).get('X-Amz-Credential')?.split('/')[3];
}

/** The S3 operation of a path-style REST call (`/<bucket>/<key>`), for the calls an application makes most. */
function s3Operation(request: IncomingRequest, query: URLSearchParams): string | undefined {
  if ([...query.keys()].some((key) => !S3_PLAIN_PARAMETERS.test(key))) return undefined;
  const depth = Math.min(request.path.split('/').filter((segment) => segment.length > 0).length, 2);
  const operations: Readonly<Record<string, readonly (string | undefined)[]>> = {
    GET: ['ListBuckets', query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects', 'GetObject'],
    HEAD: [undefined, 'HeadBucket', 'HeadObject'],
    PUT: [undefined, 'CreateBucket', request.headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject'],
    DELETE: [undefined, 'DeleteBucket', 'DeleteObject'],
  };
  return operations[request.method]?.[depth];
}

/**
 * Reads the service from the SigV4 credential scope, and the action from `X-Amz-Target` (JSON protocols), the
 * `Action` parameter (query protocol), or the REST call (the SDK's `x-id` parameter, S3's method and path).
 */
export function identifyAwsRequest(request: IncomingRequest): AwsRequestIdentity {
  const query = new URLSearchParams(request.url.slice(request.path.length + 1));
  const signingName = signingNameOf(request);
  const signed = signingName === undefined ? {} : { signingName };
  const target = request.headers['x-amz-target'];
  if (target !== undefined)
    return {
      ...signed,
      action: target.slice(target.lastIndexOf('.') + 1),
      asked: `X-Amz-Target ${target}`,
      protocol: 'json',
    };
  const form = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(request.body.toString('utf8'))
    : undefined;
  const action = form?.get('Action') ?? query.get('Action');
  if (action) return { ...signed, action, asked: `Action=${action}`, protocol: 'query' };
  const asked = `${request.method} ${request.path}`;
  const protocol = signingName !== undefined && REST_XML.has(signingName) ? 'rest-xml' : 'rest-json';
  const named = query.get('x-id') ?? (signingName === 's3' ? s3Operation(request, query) : undefined);
  return { ...signed, action: named ?? asked, asked, protocol };
}
