/**
 * An HTTP API JWT authorizer hands every claim to the integration as a string: numbers and booleans as text
 * (`exp: "1700000000"`), lists in brackets separated by spaces (`cognito:groups: "[admins users]"`), objects as JSON.
 */
export const stringifyJwtClaims = (claims: Readonly<Record<string, unknown>>): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) result[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') result[name] = JSON.stringify(value);
    else result[name] = String(value);
  }
  return result;
};

/** The token's own scopes (`scope`, space-separated, or `scp`), or null when it has none. */
export const tokenScopes = (claims: Readonly<Record<string, unknown>>): string[] | null => {
  const raw = claims['scope'] ?? claims['scp'];
  const scopes =
    typeof raw === 'string'
      ? raw.split(' ').filter((scope) => scope.length > 0)
      : Array.isArray(raw)
        ? raw.map(String)
        : [];
  return scopes.length > 0 ? scopes : null;
};
