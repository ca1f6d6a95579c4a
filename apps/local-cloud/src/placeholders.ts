import type { LocalIssuer } from '@harbor/local-cloud-auth';
import type { PlaceholderResolver } from '@harbor/local-cloud-api-gateway';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { snsPublishRoleArn, topicArn, type ResourceNaming } from './resource-names';

/**
 * Resolves the `${...}` placeholders Terraform's templatefile fills in a service's API files (openapi.yaml,
 * http-api.yaml), to the local functions, topics and issuer.
 */
export function placeholderResolver(
  service: ServiceDefinition,
  naming: ResourceNaming,
  issuer: LocalIssuer,
): PlaceholderResolver {
  return (expression: string): string | undefined => {
    const [group, key] = expression.split('.', 2);
    if (group === 'lambda_invoke_arns' && key && key in service.functions) return `${service.name}.${key}`;
    if (group === 'topic_arns' && key) return topicArn(naming, key);
    if (group === 'sns_publish_role_arns' && key) return snsPublishRoleArn(naming, key);
    // The gateway takes a non-ARN provider as the issuer itself: tokens are checked against the local issuer.
    if (expression === 'cognito_user_pool_arn') return issuer.issuerUrl;
    // JWT authorizers of HTTP APIs: the issuer URL and app client Terraform takes from the user pool.
    if (expression === 'cognito_issuer_url') return issuer.issuerUrl;
    if (expression === 'cognito_client_id') return issuer.clientId;
    if (expression === 'region') return naming.region;
    if (expression === 'account_id') return naming.accountId;
    return undefined;
  };
}
