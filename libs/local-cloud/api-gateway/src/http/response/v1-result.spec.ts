import { parseV1Result } from './v1-result';

describe('parseV1Result (payload format 1.0 responses)', () => {
  it('merges headers into multiValueHeaders, a value in both once, and moves set-cookie to cookies', () => {
    expect(
      parseV1Result({
        statusCode: 200,
        headers: { 'X-A': 'one', 'x-b': 2, 'set-cookie': 'c=3' },
        multiValueHeaders: { 'x-a': ['one', 'zero'], 'Set-Cookie': ['a=1'] },
        body: 'ok',
      }),
    ).toEqual({ statusCode: 200, headers: { 'x-a': 'one,zero', 'x-b': '2' }, cookies: ['a=1', 'c=3'], body: 'ok' });
  });

  it('reads a base64 body and a missing body as empty', () => {
    expect(parseV1Result({ statusCode: '204' })).toEqual({ statusCode: 204, headers: {}, cookies: [], body: '' });
    const binary = parseV1Result({
      statusCode: 200,
      body: Buffer.from('bin').toString('base64'),
      isBase64Encoded: true,
    });
    expect(binary?.body).toEqual(Buffer.from('bin'));
  });

  it.each([
    ['a bare value (2.0 would infer a 200)', 'hello'],
    ['an object without statusCode', { body: 'x' }],
    ['a status code out of range', { statusCode: 600 }],
    ['multiValueHeaders that are not lists', { statusCode: 200, multiValueHeaders: { a: 'b' } }],
    ['a header value that is an object', { statusCode: 200, headers: { a: {} } }],
    ['a body that is not a string', { statusCode: 200, body: { a: 1 } }],
    ['isBase64Encoded that is not a boolean', { statusCode: 200, isBase64Encoded: 'yes' }],
  ])('calls %s malformed', (_case, result) => {
    expect(parseV1Result(result)).toBeUndefined();
  });
});
