import type { TerraformPlan } from './terraform-plan';

/** Physical names and ARNs by Harbor's convention (harbor-<env>-<logical>), in the plan's account and region. */
export class Naming {
  readonly region: string;
  readonly accountId: string;

  constructor(
    readonly environment: string,
    plan: TerraformPlan,
  ) {
    this.region = String(plan.variable('region'));
    this.accountId = String(plan.variable('account_id'));
  }

  physical(logical: string): string {
    return `harbor-${this.environment}-${logical}`;
  }

  functionName(service: string, key: string): string {
    return this.physical(`${service}-${key}`);
  }

  functionArn(service: string, key: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${this.functionName(service, key)}`;
  }

  lambdaInvokeArn(service: string, key: string): string {
    return `arn:aws:apigateway:${this.region}:lambda:path/2015-03-31/functions/${this.functionArn(service, key)}/invocations`;
  }

  tableArn(table: string): string {
    return `arn:aws:dynamodb:${this.region}:${this.accountId}:table/${this.physical(table)}`;
  }

  topicArn(topic: string): string {
    return `arn:aws:sns:${this.region}:${this.accountId}:${this.physical(topic)}`;
  }

  busArn(bus: string): string {
    return `arn:aws:events:${this.region}:${this.accountId}:event-bus/${this.physical(bus)}`;
  }

  ruleName(service: string, rule: string): string {
    return this.physical(`${service}-${rule}`);
  }

  ruleArn(bus: string, ruleName: string): string {
    return `arn:aws:events:${this.region}:${this.accountId}:rule/${this.physical(bus)}/${ruleName}`;
  }

  queueArn(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
  }

  queueName(arn: string): string {
    const name = arn.split(':').at(-1);
    if (!name || !arn.startsWith('arn:aws:sqs:')) throw new Error(`${arn} is not an SQS queue ARN`);
    return name;
  }
}
