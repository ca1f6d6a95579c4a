import { parseV2Result } from './v2-result';

describe('parseV2Result (payload format 2.0 responses)', () => {
  it('takes a value without statusCode as a 200 JSON response', () => {
    expect(parseV2Result({ message: 'hi' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: '{"message":"hi"}',
    });
    expect(parseV2Result('Hello from Lambda!')).toMatchObject({ statusCode: 200, body: 'Hello from Lambda!' });
    expect(parseV2Result([1, 2])).toMatchObject({ statusCode: 200, body: '[1,2]' });
    expect(parseV2Result(undefined)).toMatchObject({ statusCode: 200, body: 'null' });
  });

  it('reads statusCode, headers, cookies and a base64 body', () => {
    const result = parseV2Result({
      statusCode: '201',
      headers: { 'x-n': 5 },
      cookies: ['a=1'],
      body: Buffer.from('bin').toString('base64'),
      isBase64Encoded: true,
    });
    expect(result).toEqual({ statusCode: 201, headers: { 'x-n': '5' }, cookies: ['a=1'], body: Buffer.from('bin') });
  });

  it.each([
    ['a status code that is not a number', { statusCode: 'ok' }],
    ['a status code out of range', { statusCode: 99 }],
    ['a body that is not a string', { statusCode: 200, body: { a: 1 } }],
    ['a header value that is an object', { statusCode: 200, headers: { a: {} } }],
    ['cookies that are not strings', { statusCode: 200, cookies: [1] }],
    ['isBase64Encoded that is not a boolean', { statusCode: 200, isBase64Encoded: 'yes' }],
  ])('calls %s malformed', (_case, result) => {
    expect(parseV2Result(result)).toBeUndefined();
  });
});
