import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { SchedulerPaymentDeadlines } from './scheduler.payment-deadlines';
import { schedulerPaymentDeadlinesAccess as access } from './scheduler.payment-deadlines.access';

const recorder = recordCommands(SchedulerClient, () => ({
  ScheduleArn: 'arn:aws:scheduler:eu-west-1:000000000000:schedule/g/s',
}));
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const groupName = 'harbor-test-orders-payment-deadline';
const deadlines = new SchedulerPaymentDeadlines({
  groupName,
  targetArn: 'arn:aws:lambda:eu-west-1:000000000000:function:harbor-test-orders-expireOrder',
  roleArn: 'arn:aws:iam::000000000000:role/harbor-test-orders-payment-deadline-scheduler',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:000000000000:harbor-test-orders-payment-deadline-dlq',
  retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  client: new SchedulerClient({ region: 'eu-west-1' }),
});
const names = { scheduleGroups: { 'payment-deadline': groupName } };

describe('SchedulerPaymentDeadlines sends exactly what schedulerPaymentDeadlinesAccess declares', () => {
  it('schedule: one CreateSchedule in the group', async () => {
    await meter.measure(() =>
      deadlines.schedule('6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f', new Date('2099-03-01T10:15:00.000Z')),
    );
    expect(meter.accessed()).toEqual(describeDeclaredAccess(access.methods.schedule, names));
  });

  it('cancel: one DeleteSchedule in the group', async () => {
    await meter.measure(() => deadlines.cancel('6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f'));
    expect(meter.accessed()).toEqual(describeDeclaredAccess(access.methods.cancel, names));
  });
});
