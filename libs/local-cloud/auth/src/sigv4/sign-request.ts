import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256';

export interface SignRequestOptions {
  readonly service: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * The headers an AWS SDK would send for a POST of `body` to `url`, SigV4-signed: for tests and tools that speak
 * an AWS protocol on the wire (to send what an SDK would refuse to) and must still pass the signature check.
 */
export async function signedHeaders(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  options: SignRequestOptions,
): Promise<Record<string, string>> {
  const target = new URL(url);
  const signer = new SignatureV4({
    service: options.service,
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: target.protocol,
    hostname: target.hostname,
    ...(target.port ? { port: Number(target.port) } : {}),
    path: target.pathname,
    headers: { ...headers, host: target.host },
    body,
  });
  return signed.headers;
}
