import { checkHost, type HostPolicy } from './host-policy';

export type OriginVerdict = { readonly ok: true } | { readonly ok: false; readonly detail: string };

interface OriginHeaders {
  readonly origin?: string | undefined;
  readonly 'sec-fetch-site'?: string | string[] | undefined;
  readonly 'sec-fetch-mode'?: string | string[] | undefined;
}

/**
 * The AWS endpoint (the /_local API, the console and the AWS wire protocols) answers only its own pages and
 * non-browser clients. A browser names the page that sent a request in `Origin` (every POST, every fetch that is
 * not a same-origin GET) and in `Sec-Fetch-Site`; a request from any other origin, including `null` (sandboxed
 * frames, files), is refused, so a web page cannot post a form to SNS or redrive a queue. A top-level navigation
 * from another site (a link to the console) is still answered: it only shows the page.
 */
export function checkOrigin(
  headers: OriginHeaders,
  method: string,
  localPort: number,
  hosts: HostPolicy,
): OriginVerdict {
  const origin = headers.origin;
  if (origin !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    const sameOrigin =
      parsed !== undefined && parsed.protocol === 'http:' && checkHost(parsed.host || undefined, localPort, hosts).ok;
    if (!sameOrigin)
      return {
        ok: false,
        detail: `Requests from the web page at ${origin} are refused: the local cloud's own API, console and AWS endpoint answer only their own pages and non-browser clients.`,
      };
  }
  const site = String(headers['sec-fetch-site'] ?? 'none');
  const navigation = String(headers['sec-fetch-mode'] ?? '') === 'navigate' && (method === 'GET' || method === 'HEAD');
  if ((site === 'cross-site' || site === 'same-site') && !navigation) {
    return {
      ok: false,
      detail: `A ${site} request from a web page is refused: the local cloud's own API, console and AWS endpoint answer only their own pages and non-browser clients.`,
    };
  }
  return { ok: true };
}
