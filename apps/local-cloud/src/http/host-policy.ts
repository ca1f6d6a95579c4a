import { isIP } from 'node:net';

/**
 * Which `Host` headers the local cloud's listeners answer. A DNS-rebinding page reaches 127.0.0.1 under its own
 * name (`Host: evil.example:4566`), so a listener that answers any Host lets every web page the developer visits
 * act as the developer. Only loopback names are answered: 127.0.0.0/8 and [::1] literals, `localhost` and
 * `*.localhost` (RFC 6761 reserves them for loopback, browsers never ask DNS for them), the address the listeners
 * were told to bind, and the names the developer allowed on purpose (`--allowed-hosts`, HARBOR_ALLOWED_HOSTS).
 */
export interface HostPolicy {
  /** Extra names answered on any port: `name` exactly, `.name` for its subdomains too. Lower-cased. */
  readonly allowedHosts: readonly string[];
  /** The bind address (`--host`), answered too unless it is a wildcard. */
  readonly bindHost: string;
}

export const ALLOWED_HOSTS_SETTING = '--allowed-hosts (HARBOR_ALLOWED_HOSTS)';

export type HostVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 403 | 421;
      readonly code: string;
      readonly title: string;
      readonly detail: string;
    };

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** Splits `name:port`, `[v6]:port`, `name` or `[v6]`; undefined when it is not a host header at all. */
export function parseHostHeader(
  value: string,
): { readonly name: string; readonly port: number | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && port > 65_535) return undefined;
  return { name: match[1].toLowerCase(), port };
}

const isLoopbackName = (name: string): boolean =>
  name === 'localhost' ||
  name.endsWith('.localhost') ||
  name === '[::1]' ||
  (isIP(name) === 4 && name.startsWith('127.'));

const isAllowedOnPurpose = (name: string, policy: HostPolicy): boolean =>
  policy.allowedHosts.some((allowed) =>
    allowed.startsWith('.') ? name === allowed.slice(1) || name.endsWith(allowed) : name === allowed,
  );

function isAllowedName(name: string, policy: HostPolicy): boolean {
  if (isLoopbackName(name)) return true;
  const bind = policy.bindHost.toLowerCase();
  if (!WILDCARD_BINDS.has(bind) && (name === bind || name === `[${bind}]`)) return true;
  return isAllowedOnPurpose(name, policy);
}

/**
 * 403 for a name that is not answered (the page says which setting allows it), 421 Misdirected Request for an
 * answered name on another port than the one the request arrived on (RFC 9110 §15.5.20): a request meant for
 * another listener is not served by this one. Names the developer allowed explicitly are answered on any port
 * (they sit behind a proxy or a container's port mapping).
 */
export function checkHost(hostHeader: string | undefined, localPort: number, policy: HostPolicy): HostVerdict {
  const parsed = hostHeader === undefined ? undefined : parseHostHeader(hostHeader);
  if (!parsed) {
    return {
      ok: false,
      status: 403,
      code: 'LOCAL.HOST_NOT_ALLOWED',
      title: 'Host not allowed',
      detail: `The request has ${hostHeader === undefined ? 'no Host header' : `an invalid Host header "${hostHeader}"`}: the local cloud answers only loopback hosts such as 127.0.0.1:${localPort} or localhost:${localPort}.`,
    };
  }
  if (!isAllowedName(parsed.name, policy)) {
    return {
      ok: false,
      status: 403,
      code: 'LOCAL.HOST_NOT_ALLOWED',
      title: 'Host not allowed',
      detail: `The local cloud answers only loopback hosts (127.0.0.1, [::1], localhost), so that a web page cannot reach it by DNS rebinding; "${parsed.name}" is not one. To allow it on purpose, start with ${ALLOWED_HOSTS_SETTING}=${parsed.name}.`,
    };
  }
  const explicitlyAllowed = !isLoopbackName(parsed.name) && isAllowedOnPurpose(parsed.name, policy);
  const port = parsed.port ?? 80;
  if (!explicitlyAllowed && port !== localPort) {
    return {
      ok: false,
      status: 421,
      code: 'LOCAL.MISDIRECTED_REQUEST',
      title: 'Misdirected request',
      detail: `The request names port ${port} in its Host header but arrived on port ${localPort}: send it to ${parsed.name}:${port}, or allow the name with ${ALLOWED_HOSTS_SETTING}.`,
    };
  }
  return { ok: true };
}

/** `a.example, .b.example` → ['a.example', '.b.example']. */
export const parseAllowedHosts = (raw: string | undefined): readonly string[] =>
  (raw ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
