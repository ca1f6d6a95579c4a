/** Who is asking and which request this is; handlers build it from the authorizer claims and request id. */
export interface RequestContext {
  /** The authenticated caller (Cognito `sub`); never taken from the request body. */
  readonly customerId: string;
  /** Propagated to every event this request causes. */
  readonly correlationId: string;
}
