import * as z from 'zod';
import { GrantsAreDerivedSchema } from './access.schema';

const KEBAB = /^[a-z][a-z0-9-]*$/;

/**
 * How an EventBridge Scheduler schedule fires: `at` for one-time schedules a function creates at run time
 * (at(<date-time>), one per deadline), or AWS's recurring cron(...) / rate(...) expressions.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export const ScheduleExpressionSchema = z
  .string()
  .regex(/^(at|cron\(.+\)|rate\(.+\))$/, { error: 'expected at, cron(...) or rate(...)' });

export const FlexibleTimeWindowSchema = z.union(
  [z.literal('OFF'), z.strictObject({ mode: z.literal('FLEXIBLE'), maximumWindowInMinutes: z.int().min(1).max(1440) })],
  { error: 'expected OFF or { mode: FLEXIBLE, maximumWindowInMinutes }' },
);

/**
 * A schedule group the service owns (harbor-<env>-<service>-<key>) and what its schedules do: invoke `target`
 * with the schedule's input, retried by `retryPolicy` (AWS's defaults: 185 attempts over 24 hours), then to the
 * group's dead-letter queue. Terraform creates the group, the execution role (lambda:InvokeFunction on the target
 * only) and the queue; a function named in its `schedules` creates or deletes the schedules.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html
 */
export const ScheduleDeclarationSchema = z.strictObject({
  description: z.string().min(1),
  /** The function key (functions.yaml) the schedules invoke. */
  target: z.string().min(1),
  expression: ScheduleExpressionSchema.default('at'),
  timezone: z.string().min(1).default('UTC'),
  flexibleTimeWindow: FlexibleTimeWindowSchema.default('OFF'),
  /** How long after its creation a one-time schedule comes due; the creating function reads it. 15 minutes by default. */
  windowSeconds: z
    .int()
    .min(60)
    .max(365 * 24 * 60 * 60)
    .default(900),
  // Scheduler's own limits: 0-185 retries, 60 s to 24 h of event age.
  retryPolicy: z
    .strictObject({
      maximumRetryAttempts: z.int().min(0).max(185),
      maximumEventAgeSeconds: z.int().min(60).max(86_400),
    })
    .default({ maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 }),
  deadLetterQueue: z.boolean().default(true),
});
export type ScheduleDeclaration = z.output<typeof ScheduleDeclarationSchema>;

export const ScheduleKeySchema = z.string().regex(KEBAB, { error: 'schedule keys are kebab-case' });

export const SchedulerActionSchema = z.enum(
  ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
  {
    error: 'expected scheduler:CreateSchedule, scheduler:DeleteSchedule or scheduler:GetSchedule',
  },
);

/**
 * A schedule group a function creates or deletes schedules in. `env` prefixes the variables it gets
 * (scheduleEnvironment): the group's name, the target's ARN, the execution role's ARN, the dead-letter queue's ARN,
 * the window and the retry policy. Which Scheduler actions it may call is derived (access.generated.json);
 * CreateSchedule also grants iam:PassRole on that execution role only.
 */
export const FunctionScheduleSchema = z.strictObject({
  schedule: ScheduleKeySchema,
  env: z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: 'expected an upper-case environment variable prefix' }),
  actions: GrantsAreDerivedSchema,
});
export type FunctionSchedule = z.output<typeof FunctionScheduleSchema>;

/** The environment variables `env` names for a function's schedules, by what they hold. */
export function scheduleEnvironment(prefix: string) {
  return {
    groupName: `${prefix}_GROUP_NAME`,
    targetArn: `${prefix}_TARGET_ARN`,
    roleArn: `${prefix}_ROLE_ARN`,
    deadLetterArn: `${prefix}_DLQ_ARN`,
    windowSeconds: `${prefix}_WINDOW_SECONDS`,
    maximumRetryAttempts: `${prefix}_MAXIMUM_RETRY_ATTEMPTS`,
    maximumEventAgeSeconds: `${prefix}_MAXIMUM_EVENT_AGE_SECONDS`,
  } as const;
}
