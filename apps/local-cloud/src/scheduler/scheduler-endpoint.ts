import type { AwsHttpRequest, AwsHttpResponse, AwsServiceEndpoint } from '@harbor/local-cloud-messaging';
import type { LocalScheduler } from './local-scheduler';
import { parseScheduleExpression } from './schedule-expression';
import type { StoredSchedule } from './schedule-store';

// REST-JSON, as the SDK's SchedulerClient speaks it: https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
const SCHEDULE_PATH = /^\/schedules\/([^/]+)$/;
const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
const OPERATIONS = new Set(['POST', 'GET', 'DELETE']);
const SQS_ARN = /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[\w-]{1,80}$/;

export interface SchedulerEndpointOptions {
  readonly scheduler: LocalScheduler;
  /** Groups that exist: the declared ones, and `default`, which every account has. */
  readonly groups: ReadonlySet<string>;
  readonly functionIdOfArn: (arn: string) => string | undefined;
  readonly region: string;
  readonly accountId: string;
  readonly now?: () => number;
}

const answer = (status: number, body: unknown, errorType?: string): AwsHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) },
  body: JSON.stringify(body),
});
// Scheduler's errors carry `Message`: https://docs.aws.amazon.com/scheduler/latest/APIReference/CommonErrors.html
const validation = (message: string) => answer(400, { Message: message }, 'ValidationException');
const notFound = (message: string) => answer(404, { Message: message }, 'ResourceNotFoundException');
const conflict = (message: string) => answer(409, { Message: message }, 'ConflictException');

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const epochSeconds = (iso: string): number => Date.parse(iso) / 1000;

/** CreateSchedule, GetSchedule and DeleteSchedule of EventBridge Scheduler; its other operations are not emulated. */
export function schedulerEndpoint(options: SchedulerEndpointOptions): AwsServiceEndpoint {
  const now = options.now ?? Date.now;
  const arnOf = (group: string, name: string) =>
    `arn:aws:scheduler:${options.region}:${options.accountId}:schedule/${group}/${name}`;

  function create(name: string, body: Json): AwsHttpResponse {
    const groupName = optionalString(body['GroupName']) ?? 'default';
    if (!options.groups.has(groupName)) return notFound(`Schedule group ${groupName} does not exist.`);
    const expression = body['ScheduleExpression'];
    if (typeof expression !== 'string') return validation('ScheduleExpression is required.');
    const flexible = object(body['FlexibleTimeWindow']);
    if (!flexible || typeof flexible['Mode'] !== 'string') return validation('FlexibleTimeWindow is required.');
    const timezone = optionalString(body['ScheduleExpressionTimezone']);
    const verdict = parseScheduleExpression(expression, timezone, flexible['Mode']);
    if (!verdict.ok) return validation(verdict.message);
    const target = object(body['Target']);
    if (!target || typeof target['Arn'] !== 'string' || typeof target['RoleArn'] !== 'string')
      return validation('Target with Arn and RoleArn is required.');
    if (!options.functionIdOfArn(target['Arn'])) {
      return validation(
        `Target ${target['Arn']} is not supported by the local cloud: it runs Lambda targets of declared functions only.`,
      );
    }
    const retry = object(target['RetryPolicy']) ?? {};
    const maximumRetryAttempts = retry['MaximumRetryAttempts'] ?? 185;
    const maximumEventAgeSeconds = retry['MaximumEventAgeInSeconds'] ?? 86_400;
    if (
      !Number.isInteger(maximumRetryAttempts) ||
      (maximumRetryAttempts as number) < 0 ||
      (maximumRetryAttempts as number) > 185
    ) {
      return validation('RetryPolicy.MaximumRetryAttempts must be an integer from 0 to 185.');
    }
    if (
      !Number.isInteger(maximumEventAgeSeconds) ||
      (maximumEventAgeSeconds as number) < 60 ||
      (maximumEventAgeSeconds as number) > 86_400
    ) {
      return validation('RetryPolicy.MaximumEventAgeInSeconds must be an integer from 60 to 86400.');
    }
    const deadLetterArn = optionalString(object(target['DeadLetterConfig'])?.['Arn']);
    if (deadLetterArn !== undefined && !SQS_ARN.test(deadLetterArn))
      return validation('DeadLetterConfig.Arn must be an SQS queue ARN.');
    const state = body['State'] ?? 'ENABLED';
    const after = body['ActionAfterCompletion'] ?? 'NONE';
    if (state !== 'ENABLED' && state !== 'DISABLED') return validation('State must be ENABLED or DISABLED.');
    if (after !== 'NONE' && after !== 'DELETE') return validation('ActionAfterCompletion must be NONE or DELETE.');
    if (options.scheduler.get(groupName, name)) return conflict(`Schedule ${name} already exists.`);
    const input = optionalString(target['Input']);
    const description = optionalString(body['Description']);
    const schedule: StoredSchedule = {
      name,
      groupName,
      arn: arnOf(groupName, name),
      expression,
      timezone: timezone ?? 'UTC',
      dueAt: verdict.dueAt.toISOString(),
      createdAt: new Date(now()).toISOString(),
      state,
      actionAfterCompletion: after,
      ...(description === undefined ? {} : { description }),
      target: {
        arn: target['Arn'],
        roleArn: target['RoleArn'],
        ...(input === undefined ? {} : { input }),
        retryPolicy: {
          maximumRetryAttempts: maximumRetryAttempts as number,
          maximumEventAgeSeconds: maximumEventAgeSeconds as number,
        },
        ...(deadLetterArn === undefined ? {} : { deadLetterArn }),
      },
    };
    options.scheduler.add(schedule);
    return answer(200, { ScheduleArn: schedule.arn });
  }

  function get(name: string, groupName: string): AwsHttpResponse {
    const schedule = options.scheduler.get(groupName, name);
    if (!schedule) return notFound(`Schedule ${name} does not exist.`);
    const { target } = schedule;
    return answer(200, {
      Arn: schedule.arn,
      Name: schedule.name,
      GroupName: schedule.groupName,
      ScheduleExpression: schedule.expression,
      ScheduleExpressionTimezone: schedule.timezone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: schedule.state,
      ActionAfterCompletion: schedule.actionAfterCompletion,
      ...(schedule.description === undefined ? {} : { Description: schedule.description }),
      CreationDate: epochSeconds(schedule.createdAt),
      LastModificationDate: epochSeconds(schedule.firedAt ?? schedule.createdAt),
      Target: {
        Arn: target.arn,
        RoleArn: target.roleArn,
        ...(target.input === undefined ? {} : { Input: target.input }),
        RetryPolicy: {
          MaximumRetryAttempts: target.retryPolicy.maximumRetryAttempts,
          MaximumEventAgeInSeconds: target.retryPolicy.maximumEventAgeSeconds,
        },
        ...(target.deadLetterArn === undefined ? {} : { DeadLetterConfig: { Arn: target.deadLetterArn } }),
      },
    });
  }

  return {
    canHandle: (request) => OPERATIONS.has(request.method) && SCHEDULE_PATH.test(request.path),
    async handle(request: AwsHttpRequest & { readonly url?: string }): Promise<AwsHttpResponse> {
      const name = decodeURIComponent(SCHEDULE_PATH.exec(request.path)?.[1] ?? '');
      if (!NAME.test(name)) return validation('Name must be 1 to 64 letters, digits, hyphens, underscores or periods.');
      const query = new URL(request.url ?? request.path, 'http://scheduler').searchParams;
      const groupName = query.get('groupName') ?? 'default';
      if (request.method === 'GET') return get(name, groupName);
      if (request.method === 'DELETE') {
        if (!options.groups.has(groupName)) return notFound(`Schedule group ${groupName} does not exist.`);
        return options.scheduler.delete(groupName, name)
          ? answer(200, {})
          : notFound(`Schedule ${name} does not exist.`);
      }
      let body: Json | undefined;
      try {
        body = object(JSON.parse(request.body.toString('utf8') || '{}'));
      } catch {
        body = undefined;
      }
      return body ? create(name, body) : validation('The request body is not a JSON object.');
    },
  };
}
