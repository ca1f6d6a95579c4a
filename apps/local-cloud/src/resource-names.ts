import { physicalName } from '@harbor/platform-service-definitions';

/**
 * ARNs and physical names of the local resources, built the way Terraform names the real ones
 * (harbor-<env>-<logical>), so logs, traces and ARNs read the same locally and in AWS.
 */
export interface ResourceNaming {
  readonly env: string;
  readonly region: string;
  readonly accountId: string;
}

export const functionName = (naming: ResourceNaming, service: string, key: string): string =>
  physicalName(naming.env, `${service}-${key}`);

export const tableName = (naming: ResourceNaming, table: string): string => physicalName(naming.env, table);

export const webSocketApiName = (naming: ResourceNaming, service: string): string =>
  physicalName(naming.env, `${service}-ws`);

export const topicArn = (naming: ResourceNaming, topic: string): string =>
  `arn:aws:sns:${naming.region}:${naming.accountId}:${physicalName(naming.env, topic)}`;

/** The one platform bus every service publishes to. */
export const busName = (naming: ResourceNaming): string => physicalName(naming.env, 'events');

export const busArn = (naming: ResourceNaming): string =>
  `arn:aws:events:${naming.region}:${naming.accountId}:event-bus/${busName(naming)}`;

export const snsPublishRoleArn = (naming: ResourceNaming, topic: string): string =>
  `arn:aws:iam::${naming.accountId}:role/${physicalName(naming.env, `${topic}-apigw-publish`)}`;

export const functionArn = (naming: ResourceNaming, service: string, key: string): string =>
  `arn:aws:lambda:${naming.region}:${naming.accountId}:function:${functionName(naming, service, key)}`;

/** The role EventBridge Scheduler assumes for a schedule group's targets (Terraform: <group>-scheduler). */
export const schedulerRoleArn = (naming: ResourceNaming, service: string, schedule: string): string =>
  `arn:aws:iam::${naming.accountId}:role/${physicalName(naming.env, `${service}-${schedule}-scheduler`)}`;

/** A schedule group's dead-letter queue: harbor-<env>-<service>-<schedule>-dlq, like every other queue. */
export const scheduleDeadLetterArn = (naming: ResourceNaming, service: string, schedule: string): string =>
  `arn:aws:sqs:${naming.region}:${naming.accountId}:${physicalName(naming.env, `${service}-${schedule}`)}-dlq`;
