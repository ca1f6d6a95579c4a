/**
 * Maps the expression inside a `${...}` placeholder of an API definition (as Terraform's templatefile sees it:
 * `lambda_invoke_arns.placeOrder`, `topic_arns.order-status`, `cognito_user_pool_arn`, `region`) to its local
 * value: a function id, a topic ARN, the local issuer... `undefined` means unknown and stops start-up.
 */
export type PlaceholderResolver = (expression: string) => string | undefined;
