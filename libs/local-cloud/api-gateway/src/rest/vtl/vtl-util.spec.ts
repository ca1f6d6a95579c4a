import { base64Decode, base64Encode, escapeJavaScript, parseJson, urlDecode, urlEncode } from './vtl-util';

describe('$util', () => {
  it('escapeJavaScript escapes like commons-lang, including the single quote JSON does not accept', () => {
    expect(escapeJavaScript('say "hi"\n\t/ \\ \'x\' é 😀\u0001')).toBe(
      'say \\"hi\\"\\n\\t\\/ \\\\ \\\'x\\\' \\u00E9 \\uD83D\\uDE00\\u0001',
    );
  });

  it('urlEncode encodes like java.net.URLEncoder (space as +, * kept, ~ encoded)', () => {
    expect(urlEncode("a b+c&d=e/f?*~!'()ü")).toBe('a+b%2Bc%26d%3De%2Ff%3F*%7E%21%27%28%29%C3%BC');
  });

  it('urlDecode reverses urlEncode, + included', () => {
    const text = 'He said "stop"\n50% & more = +1 #tag $x ${y} 😀';
    expect(urlDecode(urlEncode(text))).toBe(text);
    expect(new URLSearchParams(`m=${urlEncode(text)}`).get('m')).toBe(text);
  });

  it('base64 round-trips UTF-8 and parseJson gives an object', () => {
    expect(base64Encode('ünï')).toBe(Buffer.from('ünï').toString('base64'));
    expect(base64Decode(base64Encode('ünï'))).toBe('ünï');
    expect(parseJson('{"a":[1]}')).toEqual({ a: [1] });
  });
});
