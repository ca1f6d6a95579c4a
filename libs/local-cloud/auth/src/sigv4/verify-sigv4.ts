import { timingSafeEqual } from 'node:crypto';
import { formatAmzDate, parseAmzDate } from './amz-date';
import { RecomputingSigner } from './recomputing-signer';
import { parseAuthorization, type SigV4Authorization } from './sigv4-authorization';
import { incompleteSignature, signatureMismatch, sigV4Failure, type SigV4Failure } from './sigv4-failure';
import { normaliseHeaders, toSignableRequest, type SigV4Request } from './sigv4-request';

export interface VerifySigV4Options {
  /** The local credentials requests must be signed with. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly region: string;
  /** Default `execute-api`. */
  readonly service?: string;
  readonly now?: Date;
}

export type SigV4Verification =
  | {
      readonly ok: true;
      readonly accessKeyId: string;
      readonly signedHeaders: readonly string[];
      readonly signedAt: Date;
    }
  | SigV4Failure;

// AWS accepts a signature for five minutes either side of its own clock, which stops replays.
const WINDOW_MS = 5 * 60 * 1000;

function checkScope(
  authorization: SigV4Authorization,
  amzDate: string,
  region: string,
  service: string,
): SigV4Failure | undefined {
  const problems = [
    authorization.terminator === 'aws4_request'
      ? ''
      : `Credential should be scoped with a valid terminator: 'aws4_request', not '${authorization.terminator}'. `,
    authorization.region === region ? '' : 'Credential should be scoped to a valid region. ',
    authorization.service === service ? '' : `Credential should be scoped to correct service: '${service}'. `,
  ].join('');
  if (problems) return sigV4Failure('wrong-scope', 'InvalidSignatureException', problems);
  const dateOfRequest = amzDate.slice(0, 8);
  if (authorization.scopeDate !== dateOfRequest) {
    return sigV4Failure(
      'wrong-scope',
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${authorization.scopeDate}' != '${dateOfRequest}', from '${amzDate}'.`,
    );
  }
  return undefined;
}

function checkWindow(amzDate: string, signedAt: Date, now: Date): SigV4Failure | undefined {
  const nowText = formatAmzDate(now);
  if (signedAt.getTime() < now.getTime() - WINDOW_MS) {
    const earliest = formatAmzDate(new Date(now.getTime() - WINDOW_MS));
    return sigV4Failure(
      'expired',
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${earliest} (${nowText} - 5 min.)`,
    );
  }
  if (signedAt.getTime() > now.getTime() + WINDOW_MS) {
    const latest = formatAmzDate(new Date(now.getTime() + WINDOW_MS));
    return sigV4Failure(
      'expired',
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${latest} (${nowText} + 5 min.)`,
    );
  }
  return undefined;
}

const sameSignature = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks an `AWS_IAM` route's request as API Gateway does: a SigV4 `Authorization` header, the local access key,
 * scope (region, `execute-api`, date), a date within five minutes, and the signature recomputed with
 * @smithy/signature-v4 over the method, path, query, signed headers and body. Refusals carry AWS's messages.
 */
export async function verifySigV4(request: SigV4Request, options: VerifySigV4Options): Promise<SigV4Verification> {
  const headers = normaliseHeaders(request.headers);
  const header = headers['authorization'];
  if (!header) {
    return /[?&]X-Amz-Signature=/i.test(request.url)
      ? sigV4Failure(
          'not-emulated',
          'IncompleteSignatureException',
          'Presigned (query string) SigV4 requests are not emulated by the local cloud: sign the Authorization header',
        )
      : sigV4Failure('missing', 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const parsed = parseAuthorization(header);
  const amzDate = headers['x-amz-date'];
  const missing = [...(parsed.ok ? [] : parsed.missing), ...(amzDate || headers['date'] ? [] : ['Date'])];
  if (!parsed.ok || missing.length > 0) return incompleteSignature(missing, header);
  if (!amzDate)
    return sigV4Failure(
      'not-emulated',
      'IncompleteSignatureException',
      'Signing with the Date header instead of X-Amz-Date is not emulated by the local cloud',
    );
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt) {
    return sigV4Failure(
      'incomplete',
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const authorization = parsed.value;
  if (authorization.accessKeyId !== options.credentials.accessKeyId) {
    return sigV4Failure(
      'unknown-key',
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const service = options.service ?? 'execute-api';
  const refused =
    checkScope(authorization, amzDate, options.region, service) ??
    checkWindow(amzDate, signedAt, options.now ?? new Date());
  if (refused) return refused;

  const signer = new RecomputingSigner(options.credentials, options.region, service);
  const signable = toSignableRequest(request, headers, authorization.signedHeaders);
  const expected = await signer.signatureFor(signable, authorization.signedHeaders, signedAt);
  if (!sameSignature(expected, authorization.signature)) {
    const { canonicalRequest, stringToSign } = await signer.explain(signable, authorization.signedHeaders, signedAt);
    return signatureMismatch(canonicalRequest, stringToSign);
  }
  return { ok: true, accessKeyId: authorization.accessKeyId, signedHeaders: authorization.signedHeaders, signedAt };
}
