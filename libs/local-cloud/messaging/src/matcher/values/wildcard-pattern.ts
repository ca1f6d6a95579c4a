/**
 * EventBridge wildcard strings: `*` matches zero or more characters; `\*` is a literal asterisk and `\\` a
 * literal backslash; any other escape, and two wildcards in a row, are rejected as AWS rejects them.
 */
export type WildcardToken = { readonly star: true } | { readonly star: false; readonly char: string };

export type WildcardParseResult =
  { readonly tokens: readonly WildcardToken[] } | { readonly problem: string; readonly awsReason: string };

export function parseWildcard(pattern: string): WildcardParseResult {
  const tokens: WildcardToken[] = [];
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '\\') {
      const escaped = pattern.charAt(index + 1);
      if (escaped !== '*' && escaped !== '\\') {
        return {
          problem: `wildcard "${pattern}" has a backslash at position ${index} that escapes neither "*" nor "\\"`,
          awsReason: `Invalid escape character at pos ${index}`,
        };
      }
      tokens.push({ star: false, char: escaped });
      index += 1;
    } else if (char === '*') {
      if (tokens.at(-1)?.star === true) {
        return {
          problem: `wildcard "${pattern}" has consecutive wildcard characters at position ${index}`,
          awsReason: `Consecutive wildcard characters at pos ${index}`,
        };
      }
      tokens.push({ star: true });
    } else {
      tokens.push({ star: false, char });
    }
  }
  return { tokens };
}

/** Greedy matching with backtracking to the last star: linear in practice, no regular expression involved. */
export function wildcardMatches(tokens: readonly WildcardToken[], value: string): boolean {
  let tokenIndex = 0;
  let valueIndex = 0;
  let lastStar = -1;
  let resumeAt = 0;
  while (valueIndex < value.length) {
    const token = tokens[tokenIndex];
    if (token !== undefined && !token.star && token.char === value.charAt(valueIndex)) {
      tokenIndex += 1;
      valueIndex += 1;
    } else if (token?.star === true) {
      lastStar = tokenIndex;
      tokenIndex += 1;
      resumeAt = valueIndex;
    } else if (lastStar >= 0) {
      tokenIndex = lastStar + 1;
      resumeAt += 1;
      valueIndex = resumeAt;
    } else {
      return false;
    }
  }
  while (tokens[tokenIndex]?.star === true) tokenIndex += 1;
  return tokenIndex === tokens.length;
}
