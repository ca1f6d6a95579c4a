/**
 * The plain HTTP exchange the AWS service emulators (SNS, EventBridge) speak. The local cloud's server reads
 * the request fully, lower-cases header names, and writes the response as given.
 */
export interface AwsHttpRequest {
  readonly method: string;
  readonly path: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface AwsHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One emulated AWS service on the shared endpoint: it says which requests are its own, then answers them. */
export interface AwsServiceEndpoint {
  canHandle(request: AwsHttpRequest): boolean;
  handle(request: AwsHttpRequest): Promise<AwsHttpResponse>;
}
