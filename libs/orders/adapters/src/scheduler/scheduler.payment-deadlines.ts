import {
  ActionAfterCompletion,
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  FlexibleTimeWindowMode,
  ResourceNotFoundException,
  SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { PaymentDeadlines } from '@harbor/orders-application';

/** Where the deadlines live and what they run: functions.yaml `schedules`, through the function's environment. */
export interface SchedulerPaymentDeadlinesOptions {
  readonly groupName: string;
  /** The expireOrder function's ARN, invoked with `{ orderId, correlationId }`. */
  readonly targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke the target (lambda:InvokeFunction on it only). */
  readonly roleArn: string;
  /** SQS queue that receives the invocations the scheduler gave up on. */
  readonly deadLetterArn: string;
  readonly retryPolicy: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number };
  readonly client?: SchedulerClient;
}

/** What the expireOrder function receives when a deadline fires. */
export interface PaymentDeadlineInput {
  readonly orderId: string;
  readonly correlationId?: string;
}

/** One schedule per order, named after it, so creating twice conflicts and deleting needs nothing stored. */
export const paymentDeadlineScheduleName = (orderId: string): string => `order-${orderId}`;

/** at() takes a UTC date-time to the second, without zone or fraction: at(2026-12-07T10:15:00). */
export const atExpression = (at: Date): string => `at(${at.toISOString().slice(0, 19)})`;

/**
 * Payment deadlines as one-time EventBridge Scheduler schedules that delete themselves after running
 * (ActionAfterCompletion DELETE), with the declared retry policy and dead-letter queue on their target.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#one-time
 */
export class SchedulerPaymentDeadlines implements PaymentDeadlines {
  private readonly client: SchedulerClient;

  constructor(private readonly options: SchedulerPaymentDeadlinesOptions) {
    for (const key of ['groupName', 'targetArn', 'roleArn', 'deadLetterArn'] as const) {
      if (!options[key]) throw new TypeError(`SchedulerPaymentDeadlines needs a ${key}`);
    }
    this.client = options.client ?? new SchedulerClient({});
  }

  async schedule(orderId: string, at: Date, correlationId?: string): Promise<void> {
    const { groupName, targetArn, roleArn, deadLetterArn, retryPolicy } = this.options;
    const input: PaymentDeadlineInput = { orderId, ...(correlationId === undefined ? {} : { correlationId }) };
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: paymentDeadlineScheduleName(orderId),
          GroupName: groupName,
          ScheduleExpression: atExpression(at),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: FlexibleTimeWindowMode.OFF },
          ActionAfterCompletion: ActionAfterCompletion.DELETE,
          Target: {
            Arn: targetArn,
            RoleArn: roleArn,
            Input: JSON.stringify(input),
            RetryPolicy: {
              MaximumRetryAttempts: retryPolicy.maximumRetryAttempts,
              MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeSeconds,
            },
            DeadLetterConfig: { Arn: deadLetterArn },
          },
        }),
      );
    } catch (error) {
      // A redelivered confirmation: the order's deadline is already set.
      if (error instanceof ConflictException) return;
      throw error;
    }
  }

  async cancel(orderId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteScheduleCommand({ Name: paymentDeadlineScheduleName(orderId), GroupName: this.options.groupName }),
      );
    } catch (error) {
      // Never set, already fired (and deleted itself) or already cancelled.
      if (error instanceof ResourceNotFoundException) return;
      throw error;
    }
  }
}
