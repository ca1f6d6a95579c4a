import type { IncomingRequest } from '../http/incoming-request';
import { identifyAwsRequest } from './aws-request-identity';

const signedFor = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=local/20261207/eu-west-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`;

function request(method: string, url: string, headers: Record<string, string> = {}, body = ''): IncomingRequest {
  const queryAt = url.indexOf('?');
  return {
    method,
    url,
    path: queryAt === -1 ? url : url.slice(0, queryAt),
    headers,
    rawHeaders: [],
    body: Buffer.from(body),
    remoteAddress: '127.0.0.1',
  };
}

describe('identifyAwsRequest: the service and action a call to the AWS endpoint asks for', () => {
  it.each([
    [
      'a JSON-protocol call, by X-Amz-Target',
      request('POST', '/', { authorization: signedFor('ssm'), 'x-amz-target': 'AmazonSSM.GetParameter' }),
      { signingName: 'ssm', action: 'GetParameter', protocol: 'json' },
    ],
    [
      'a query-protocol call, by its Action',
      request(
        'POST',
        '/',
        { authorization: signedFor('sts'), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        'Action=GetCallerIdentity&Version=2011-06-15',
      ),
      { signingName: 'sts', action: 'GetCallerIdentity', protocol: 'query' },
    ],
    [
      'a REST call, by the x-id the SDK adds',
      request('GET', '/bucket/key?x-id=GetObject', { authorization: signedFor('s3') }),
      { signingName: 's3', action: 'GetObject', protocol: 'rest-xml' },
    ],
    [
      'an S3 call, by its method and path',
      request('PUT', '/bucket/a/b.json', { authorization: signedFor('s3') }),
      { action: 'PutObject', asked: 'PUT /bucket/a/b.json' },
    ],
    [
      'an S3 copy',
      request('PUT', '/bucket/b.json', { authorization: signedFor('s3'), 'x-amz-copy-source': '/bucket/a.json' }),
      { action: 'CopyObject' },
    ],
    [
      'an S3 listing',
      request('GET', '/bucket?list-type=2&prefix=a', { authorization: signedFor('s3') }),
      { action: 'ListObjectsV2' },
    ],
    [
      'a presigned S3 URL, by X-Amz-Credential',
      request(
        'GET',
        '/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=local%2F20261207%2Feu-west-1%2Fs3%2Faws4_request',
      ),
      { signingName: 's3', action: 'GetObject' },
    ],
  ])('names %s', (_, incoming, expected) => {
    expect(identifyAwsRequest(incoming)).toMatchObject(expected);
  });

  it('names the method and path of a REST call it cannot name, and leaves an S3 sub-resource unnamed rather than guess', () => {
    expect(identifyAwsRequest(request('GET', '/2015-03-31/functions', { authorization: signedFor('lambda') }))).toEqual(
      {
        signingName: 'lambda',
        action: 'GET /2015-03-31/functions',
        asked: 'GET /2015-03-31/functions',
        protocol: 'rest-json',
      },
    );
    expect(identifyAwsRequest(request('GET', '/bucket?acl', { authorization: signedFor('s3') }))).toMatchObject({
      action: 'GET /bucket',
    });
  });

  it('has no service for an unsigned call', () => {
    expect(identifyAwsRequest(request('POST', '/', { 'x-amz-target': 'AWSStepFunctions.StartExecution' }))).toEqual({
      action: 'StartExecution',
      asked: 'X-Amz-Target AWSStepFunctions.StartExecution',
      protocol: 'json',
    });
  });
});
