/** The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` header. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export type ParsedAuthorization =
  | { readonly ok: true; readonly value: SigV4Authorization }
  | { readonly ok: false; readonly missing: readonly string[] };

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Reads the header; names every missing parameter, in API Gateway's order, when it is incomplete. */
export function parseAuthorization(header: string): ParsedAuthorization {
  const [algorithm = '', ...rest] = header.trim().split(/\s+/);
  const parameters = new Map<string, string>();
  if (algorithm === ALGORITHM) {
    for (const part of rest.join(' ').split(',')) {
      const separator = part.indexOf('=');
      if (separator > 0) parameters.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
    }
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !parameters.get(name));
  const credential = (parameters.get('Credential') ?? '').split('/');
  if (missing.length > 0 || credential.length !== 5)
    return { ok: false, missing: missing.length > 0 ? missing : ['Credential'] };
  const [accessKeyId, scopeDate, region, service, terminator] = credential as [string, string, string, string, string];
  return {
    ok: true,
    value: {
      accessKeyId,
      scopeDate,
      region,
      service,
      terminator,
      signedHeaders: (parameters.get('SignedHeaders') ?? '').split(';').filter((name) => name.length > 0),
      signature: parameters.get('Signature') ?? '',
    },
  };
}
