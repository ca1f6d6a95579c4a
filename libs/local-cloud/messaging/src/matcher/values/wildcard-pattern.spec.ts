import { parseWildcard, type WildcardToken, wildcardMatches } from './wildcard-pattern';

function tokens(pattern: string): readonly WildcardToken[] {
  const parsed = parseWildcard(pattern);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.tokens;
}

describe('wildcard patterns', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['a*', 'abc', true],
    ['*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*c', 'abd', false],
    ['*b*d*', 'abcde', true],
    ['*b*d*', 'adcb', false],
    ['a*a*a', 'aaaa', true],
    ['a*a*a', 'aa', false],
    ['ab', 'abc', false],
  ])('"%s" against "%s" is %s', (pattern, value, expected) => {
    expect(wildcardMatches(tokens(pattern), value)).toBe(expected);
  });

  it('backtracks over many near-misses without exponential work', () => {
    const pattern = tokens('*a*a*a*a*a*a*a*a*b');
    const started = performance.now();
    expect(wildcardMatches(pattern, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads "\\\\*" as a literal asterisk and "\\\\\\\\" as a literal backslash', () => {
    expect(tokens('a\\*\\\\')).toEqual([
      { star: false, char: 'a' },
      { star: false, char: '*' },
      { star: false, char: '\\' },
    ]);
  });

  it('rejects a trailing lone backslash', () => {
    expect(parseWildcard('abc\\')).toEqual({
      problem: 'wildcard "abc\\" has a backslash at position 3 that escapes neither "*" nor "\\"',
      awsReason: 'Invalid escape character at pos 3',
    });
  });
});
