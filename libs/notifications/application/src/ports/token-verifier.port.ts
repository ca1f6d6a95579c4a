/** Who a valid token belongs to; undefined for any token that is not valid (the reason is the adapter's to log). */
export interface TokenVerifier {
  verify(token: string): Promise<{ readonly customerId: string } | undefined>;
}
