import {
  ALGORITHM_IDENTIFIER,
  createScope,
  getCanonicalHeaders,
  getPayloadHash,
  SignatureV4,
} from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256';
import type { SignableRequest } from './sigv4-request';

/** @smithy/signature-v4's signer, recomputing a client's signature and, on a mismatch, saying what it signed. */
export class RecomputingSigner extends SignatureV4 {
  constructor(credentials: { accessKeyId: string; secretAccessKey: string }, region: string, service: string) {
    // applyChecksum off: execute-api does not require x-amz-content-sha256, so only a client may add (and sign) it.
    super({ credentials, region, service, sha256: NodeSha256, applyChecksum: false });
  }

  async signatureFor(request: SignableRequest, signedHeaders: readonly string[], signingDate: Date): Promise<string> {
    const signed = await this.sign(request, { signingDate, signableHeaders: new Set(signedHeaders) });
    return /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization']))?.[1] ?? '';
  }

  /** The canonical request and string to sign of AWS's mismatch message. */
  async explain(
    request: SignableRequest,
    signedHeaders: readonly string[],
    signingDate: Date,
  ): Promise<{ canonicalRequest: string; stringToSign: string }> {
    const { longDate, shortDate } = this.formatDate(signingDate);
    const withDate = { ...request, headers: { ...request.headers, 'x-amz-date': longDate } };
    const canonicalHeaders = getCanonicalHeaders(withDate, undefined, new Set(signedHeaders));
    const canonicalRequest = this.createCanonicalRequest(
      withDate,
      canonicalHeaders,
      await getPayloadHash(withDate, this.sha256),
    );
    const scope = createScope(shortDate, await this.regionProvider(), this.service);
    return {
      canonicalRequest,
      stringToSign: await this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER),
    };
  }
}
