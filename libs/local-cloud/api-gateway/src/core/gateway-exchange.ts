/** The parts of a node:http `IncomingMessage` (plus its read body) the emulators need. */
export interface GatewayRequest {
  readonly method: string;
  /** Path and query string as received (`/v1/orders?limit=5`). */
  readonly url: string;
  /** node:http's lower-cased headers. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** node:http's `rawHeaders` (name, value, name, value...): when given, header names keep the client's case as in AWS. */
  readonly rawHeaders?: readonly string[];
  readonly body: Buffer;
  readonly remoteAddress?: string;
  /** `1.1` by default. */
  readonly httpVersion?: string;
}

export interface GatewayResponse {
  readonly status: number;
  /** Single-valued headers; a header with several values is in `multiValueHeaders` instead. */
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders?: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer | string;
}

/** What a REST or HTTP API offers its listener: one request in, one answer out. */
export interface GatewayExchange {
  handle(request: GatewayRequest): Promise<GatewayResponse>;
}
