/** A token request (`POST /_local/token` or `mintToken`) that cannot be honoured; answered 400. */
export class InvalidTokenRequestError extends Error {
  readonly code = 'AUTH.INVALID_TOKEN_REQUEST';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
