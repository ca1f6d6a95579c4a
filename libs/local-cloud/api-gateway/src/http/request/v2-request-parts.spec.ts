import { encodeBody } from './body-encoding';
import { readV2Headers } from './v2-headers';
import { readV2Query } from './v2-query';

describe('payload 2.0 request parts', () => {
  it('lower-cases header names, comma-joins repeats and moves cookies to their own list', () => {
    const { headers, cookies } = readV2Headers({}, [
      'X-Tag',
      'a',
      'x-tag',
      'b',
      'Cookie',
      's=1; theme=dark',
      'Host',
      'api.local',
    ]);
    expect(headers).toEqual({ 'x-tag': 'a,b', host: 'api.local' });
    expect(cookies).toEqual(['s=1', 'theme=dark']);
  });

  it('decodes query parameters and comma-joins repeated names', () => {
    expect(readV2Query('a=1&a=2&b=x%20y&flag&c=1+2')).toEqual({ a: '1,2', b: 'x y', flag: '', c: '1+2' });
    expect(readV2Query('')).toBeUndefined();
  });

  it('passes textual bodies as text and anything else base64-encoded', () => {
    expect(encodeBody(Buffer.from('{"a":1}'), 'application/json; charset=utf-8')).toEqual({
      body: '{"a":1}',
      isBase64Encoded: false,
    });
    expect(encodeBody(Buffer.from('a=1'), 'application/x-www-form-urlencoded')).toEqual({
      body: 'YT0x',
      isBase64Encoded: true,
    });
    expect(encodeBody(Buffer.from('raw'), undefined)).toEqual({ body: 'cmF3', isBase64Encoded: true });
    expect(encodeBody(Buffer.alloc(0), 'text/plain')).toEqual({ isBase64Encoded: false });
  });
});
