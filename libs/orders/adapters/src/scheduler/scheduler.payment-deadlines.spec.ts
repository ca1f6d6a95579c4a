import {
  ConflictException,
  CreateScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { recordCommands, type SentCommand } from '@harbor/platform-access/testing';
import { atExpression, SchedulerPaymentDeadlines } from './scheduler.payment-deadlines';

const ORDER_ID = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
const meta = { $metadata: {} };
let answer: (command: SentCommand) => unknown = () => ({});
const recorder = recordCommands(SchedulerClient, (command) => answer(command));
afterAll(() => recorder.restore());
beforeEach(() => {
  answer = () => ({});
  recorder.take();
});

const deadlines = new SchedulerPaymentDeadlines({
  groupName: 'harbor-test-orders-payment-deadline',
  targetArn: 'arn:aws:lambda:eu-west-1:000000000000:function:harbor-test-orders-expireOrder',
  roleArn: 'arn:aws:iam::000000000000:role/harbor-test-orders-payment-deadline-scheduler',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:000000000000:harbor-test-orders-payment-deadline-dlq',
  retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  client: new SchedulerClient({ region: 'eu-west-1' }),
});

describe('SchedulerPaymentDeadlines', () => {
  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#one-time: at(yyyy-mm-ddThh:mm:ss)
  it('writes an at() expression to the second, without zone or fraction', () => {
    expect(atExpression(new Date('2099-03-01T10:15:07.000Z'))).toBe('at(2099-03-01T10:15:07)');
  });

  it('creates a one-time UTC schedule per order that deletes itself, with the retry policy and dead-letter queue', async () => {
    await deadlines.schedule(ORDER_ID, new Date('2099-03-01T10:15:00.000Z'), 'req-1');
    const [command, ...rest] = recorder.take();
    expect(rest).toEqual([]);
    expect(command).toBeInstanceOf(CreateScheduleCommand);
    expect(command!.input).toEqual({
      Name: `order-${ORDER_ID}`,
      GroupName: 'harbor-test-orders-payment-deadline',
      ScheduleExpression: 'at(2099-03-01T10:15:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:lambda:eu-west-1:000000000000:function:harbor-test-orders-expireOrder',
        RoleArn: 'arn:aws:iam::000000000000:role/harbor-test-orders-payment-deadline-scheduler',
        Input: JSON.stringify({ orderId: ORDER_ID, correlationId: 'req-1' }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-west-1:000000000000:harbor-test-orders-payment-deadline-dlq' },
      },
    });
  });

  it('takes a deadline that already exists (a redelivery) as set', async () => {
    answer = () => {
      throw new ConflictException({
        message: 'Schedule order-x already exists.',
        Message: 'Schedule order-x already exists.',
        ...meta,
      });
    };
    await expect(deadlines.schedule(ORDER_ID, new Date('2099-03-01T10:15:00.000Z'))).resolves.toBeUndefined();
  });

  it('takes a deadline that is gone (fired, or never set) as cancelled', async () => {
    answer = () => {
      throw new ResourceNotFoundException({
        message: 'Schedule order-x does not exist.',
        Message: 'Schedule order-x does not exist.',
        ...meta,
      });
    };
    await expect(deadlines.cancel(ORDER_ID)).resolves.toBeUndefined();
  });

  it('throws any other refusal, so the event is retried', async () => {
    answer = () => {
      throw new ValidationException({ message: 'bad', Message: 'bad', ...meta });
    };
    await expect(deadlines.schedule(ORDER_ID, new Date('2099-03-01T10:15:00.000Z'))).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(deadlines.cancel(ORDER_ID)).rejects.toBeInstanceOf(ValidationException);
  });
});
