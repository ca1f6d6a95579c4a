const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number): string => String(value).padStart(2, '0');

/** Java's `Date.toString()` in UTC, which is how a REST API shows `exp` and `iat`: `Fri Jul 29 18:52:53 UTC 2016`. */
export const javaDateString = (epochSeconds: number): string => {
  const date = new Date(epochSeconds * 1000);
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
};

const DATE_CLAIMS = new Set(['exp', 'iat']);

/**
 * A Cognito authorizer hands the integration every claim as a string: `exp`/`iat` as dates, other numbers
 * and booleans as text (`auth_time: "1469814773"`, `email_verified: "true"`), lists comma-joined
 * (`cognito:groups: "admins,users"`).
 */
export const stringifyClaims = (claims: Readonly<Record<string, unknown>>): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (DATE_CLAIMS.has(name) && typeof value === 'number') result[name] = javaDateString(value);
    else if (Array.isArray(value)) result[name] = value.map(String).join(',');
    else if (typeof value === 'object') result[name] = JSON.stringify(value);
    else result[name] = String(value);
  }
  return result;
};

/** `arn:aws:cognito-idp:<region>:<account>:userpool/<id>` -> the pool's issuer; anything else is taken as the issuer itself. */
export const issuerOf = (providerArn: string): string => {
  const match = /^arn:aws[a-z-]*:cognito-idp:([^:]+):[^:]*:userpool\/(.+)$/.exec(providerArn);
  return match ? `https://cognito-idp.${match[1]}.amazonaws.com/${match[2]}` : providerArn;
};
