/**
 * The name an order placed under an Idempotency-Key is derived from: the caller and the key, as a JSON array.
 * Joining them with a separator would be ambiguous ("alice/secret" + "key" and "alice" + "secret/key" both give
 * "alice/secret/key"); JSON escapes whatever either part holds, so two different pairs never share a name.
 */
export const orderRequestName = (customerId: string, requestKey: string): string =>
  JSON.stringify([customerId, requestKey]);
