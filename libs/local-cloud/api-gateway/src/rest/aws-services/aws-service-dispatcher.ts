/**
 * How an `aws` integration reaches an AWS service: API Gateway sends the service an AWS Query request
 * (`Action=Publish&TopicArn=...`) and gets back the service's JSON answer. The composition root wires this to
 * the local SNS emulator; `snsPublishDispatcher` adapts a plain `publishToSns` function.
 */
export interface AwsServiceCall {
  /** `sns` (the only service whose integrations are emulated). */
  readonly service: string;
  readonly region: string;
  /** `Publish`, from the `action/...` URI or the request's `Action` parameter. */
  readonly action: string;
  /** Query parameters after API Gateway merged the mapped query string and the form-encoded body. */
  readonly params: Readonly<Record<string, string>>;
  /** The role API Gateway assumes (`credentials`), for the record. */
  readonly credentials: string | undefined;
  readonly correlationId: string;
}

export interface AwsServiceReply {
  /** The HTTP status the service answered; integration responses select on it. */
  readonly status: number;
  /** The service's JSON answer, as API Gateway receives it. */
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type AwsServiceDispatcher = (call: AwsServiceCall) => Promise<AwsServiceReply>;
