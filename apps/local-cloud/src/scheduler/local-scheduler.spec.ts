import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  SchedulerClient,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { AsyncDelivery, FaultInjector, parseFaultConfig } from '@harbor/local-cloud-messaging';
import { FakeInvoker, FunctionError, serve, type RunningServer } from '@harbor/local-cloud-lambda/testing';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Firing } from './local-scheduler';
import { createLocalSchedules } from './local-schedules';

const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false });
const naming = { env: 'unit', region: 'eu-west-1', accountId: '123456789012' };
const GROUP = 'harbor-unit-orders-payment-deadline';
const TARGET = 'arn:aws:lambda:eu-west-1:123456789012:function:harbor-unit-orders-expireOrder';
const DLQ = 'arn:aws:sqs:eu-west-1:123456789012:harbor-unit-orders-payment-deadline-dlq';
/** Fast enough that a one-minute deadline fires after a second, slow enough to see it has not fired early. */
const SPEED = 60;
/** The client the SDK suite calls through (set in its beforeAll). */
let client: SchedulerClient;

const at = (msFromNow: number) => `at(${new Date(Date.now() + msFromNow).toISOString().slice(0, 19)})`;
const targetOf = (name: string) => ({
  Arn: TARGET,
  RoleArn: 'arn:aws:iam::123456789012:role/r',
  Input: JSON.stringify({ orderId: name, correlationId: `req-${name}` }),
  DeadLetterConfig: { Arn: DLQ },
});
const withTarget = (change: object) => schedule('x', { Target: { ...targetOf('x'), ...change } });
const schedule = (Name: string, overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name,
  GroupName: GROUP,
  ScheduleExpression: at(60_000),
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: targetOf(Name),
  ...overrides,
});

const clientOf = (server: RunningServer) =>
  new SchedulerClient({
    endpoint: server.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
const create = (input: CreateScheduleCommandInput) => client.send(new CreateScheduleCommand(input));

/** Resolves once `ready` holds, checking every 10 ms: the test waits for the event, not for a fixed time. */
async function until(ready: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function localScheduler(options: { file?: string; faults?: unknown; handler?: () => unknown } = {}) {
  const invoker = new FakeInvoker().on('orders.expireOrder', options.handler ?? (() => ({ ok: true })));
  const trace = new TraceRecorder();
  const delivery = new AsyncDelivery({
    invoker,
    trace,
    faults: new FaultInjector(parseFaultConfig(options.faults ?? {})),
  });
  const firings: Firing[] = [];
  const deliver = (request: Parameters<AsyncDelivery['deliver']>[0]) => delivery.deliver(request);
  const local = createLocalSchedules(services, {
    naming,
    deliver,
    file: options.file,
    speed: SPEED,
    onFired: (firing) => firings.push(firing),
  });
  return { ...local, invoker, delivery, firings };
}

describe('the local EventBridge Scheduler, through the SDK', () => {
  let local: ReturnType<typeof localScheduler>;
  let server: RunningServer;
  beforeAll(async () => {
    local = localScheduler();
    local.scheduler.start();
    server = await serve(local.endpoint);
    client = clientOf(server);
  });
  afterAll(async () => {
    local.scheduler.stop();
    local.delivery.stop();
    client.destroy();
    await server.close();
  });

  it('knows the groups the services declare, and default', () => {
    expect([...local.groups].sort()).toEqual(['default', GROUP]);
  });

  it('creates a schedule, answers it with GetSchedule, and deletes it', async () => {
    const created = await client.send(new CreateScheduleCommand(schedule('crud-1')));
    expect(created.ScheduleArn).toBe(`arn:aws:scheduler:eu-west-1:123456789012:schedule/${GROUP}/crud-1`);
    const got = await client.send(new GetScheduleCommand({ Name: 'crud-1', GroupName: GROUP }));
    expect(got).toMatchObject({
      Name: 'crud-1',
      GroupName: GROUP,
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      CreationDate: expect.any(Date),
      // AWS's defaults when the call sets no RetryPolicy: 185 attempts, 24 hours.
      Target: {
        Arn: TARGET,
        DeadLetterConfig: { Arn: DLQ },
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
      },
    });
    await client.send(new DeleteScheduleCommand({ Name: 'crud-1', GroupName: GROUP }));
    await expect(client.send(new GetScheduleCommand({ Name: 'crud-1', GroupName: GROUP }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  // https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#API_CreateSchedule_Errors
  it.each([
    ['a schedule that exists', () => create(schedule('twice')), 'ConflictException', 409],
    [
      'an unknown schedule',
      () => client.send(new GetScheduleCommand({ Name: 'nobody', GroupName: GROUP })),
      'ResourceNotFoundException',
      404,
    ],
    [
      'deleting an unknown schedule',
      () => client.send(new DeleteScheduleCommand({ Name: 'nobody', GroupName: GROUP })),
      'ResourceNotFoundException',
      404,
    ],
    [
      'a group that does not exist',
      () => create(schedule('x', { GroupName: 'no-such-group' })),
      'ResourceNotFoundException',
      404,
    ],
    [
      'a malformed at()',
      () => create(schedule('x', { ScheduleExpression: 'at(2099-02-30T10:00:00)' })),
      'ValidationException',
      400,
    ],
    [
      'a retry policy beyond its limits',
      () => create(withTarget({ RetryPolicy: { MaximumRetryAttempts: 186 } })),
      'ValidationException',
      400,
    ],
    [
      'a target that is no declared function',
      () => create(withTarget({ Arn: 'arn:aws:sqs:eu-west-1:123456789012:q' })),
      'ValidationException',
      400,
    ],
  ])("refuses %s with AWS's error", async (_case, call, name, status) => {
    if (name === 'ConflictException') await client.send(new CreateScheduleCommand(schedule('twice')));
    await expect(call()).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it.each([
    ['cron()', { ScheduleExpression: 'cron(0 12 * * ? *)' }, 'A cron() schedule expression'],
    ['rate()', { ScheduleExpression: 'rate(5 minutes)' }, 'A rate() schedule expression'],
    ['a time zone', { ScheduleExpressionTimezone: 'Europe/Paris' }, 'ScheduleExpressionTimezone Europe/Paris'],
    [
      'a flexible window',
      { FlexibleTimeWindow: { Mode: 'FLEXIBLE' as const, MaximumWindowInMinutes: 5 } },
      'FlexibleTimeWindow mode FLEXIBLE',
    ],
  ])('refuses %s loudly, as unsupported by the local cloud', async (_case, overrides, feature) => {
    await expect(client.send(new CreateScheduleCommand(schedule('unsupported', overrides)))).rejects.toMatchObject({
      name: 'ValidationException',
      message: `${feature} is not supported by the local cloud, which runs one-time at() schedules in UTC with FlexibleTimeWindow OFF only.`,
    });
  });

  it("fires when due on the sped-up clock, not before, invoking the target with the schedule's Input, then deletes itself", async () => {
    const callsFor = (orderId: string) =>
      local.invoker
        .callsTo('orders.expireOrder')
        .filter((call) => (call.event as { orderId?: string }).orderId === orderId);
    await client.send(new CreateScheduleCommand(schedule('fires-1')));
    expect(callsFor('fires-1')).toHaveLength(0);

    await until(() => callsFor('fires-1').length === 1, 'the schedule to fire');

    const [firing] = local.firings.filter((entry) => entry.schedule === `${GROUP}/fires-1`);
    expect(firing!.firedAtMs).toBeGreaterThanOrEqual(firing!.dueAtMs - 1);
    const call = callsFor('fires-1')[0]!;
    expect(call).toMatchObject({
      event: { orderId: 'fires-1', correlationId: 'req-fires-1' },
      correlationId: 'req-fires-1',
      invocationType: 'Event',
    });
    await expect(client.send(new GetScheduleCommand({ Name: 'fires-1', GroupName: GROUP }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('keeps a schedule after it ran when ActionAfterCompletion is NONE, and runs it once', async () => {
    await client.send(
      new CreateScheduleCommand(schedule('kept-1', { ActionAfterCompletion: 'NONE', ScheduleExpression: at(-1000) })),
    );
    await until(
      () => local.firings.some((entry) => entry.schedule === `${GROUP}/kept-1`),
      'the past-due schedule to fire',
    );
    await expect(client.send(new GetScheduleCommand({ Name: 'kept-1', GroupName: GROUP }))).resolves.toMatchObject({
      Name: 'kept-1',
    });
    expect(local.firings.filter((entry) => entry.schedule === `${GROUP}/kept-1`)).toHaveLength(1);
  });
});

describe('the local scheduler retries, dead-letters and persists', () => {
  const folder = mkdtempSync(join(tmpdir(), 'harbor-schedules-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html and
  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
  it('retries an unreachable target by the RetryPolicy, then sends the event to the DeadLetterConfig queue', async () => {
    const local = localScheduler({ faults: { schedules: [{ match: `${GROUP}/*`, probability: 1 }] } });
    local.scheduler.start();
    local.scheduler.add({
      name: 'dlq-1',
      groupName: GROUP,
      arn: `arn:aws:scheduler:eu-west-1:123456789012:schedule/${GROUP}/dlq-1`,
      expression: at(-1000),
      timezone: 'UTC',
      dueAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
      state: 'ENABLED',
      actionAfterCompletion: 'DELETE',
      target: {
        arn: TARGET,
        roleArn: 'r',
        input: '{"orderId":"dlq-1"}',
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 3600 },
        deadLetterArn: DLQ,
      },
    });
    await until(() => local.delivery.deadLetters.list().some((queue) => queue.messages.length > 0), 'the dead letter');
    const [queue] = local.delivery.deadLetters.list().filter((entry) => entry.messages.length > 0);
    expect(queue).toMatchObject({
      name: 'harbor-unit-orders-payment-deadline-dlq',
      messages: [expect.objectContaining({ attempts: 3 })],
    });
    local.scheduler.stop();
    local.delivery.stop();
  });

  it('keeps schedules in the data directory: after a restart they are still there and fire', async () => {
    const file = join(folder, 'schedules.json');
    const first = localScheduler({ file });
    const server = await serve(first.endpoint);
    const client = clientOf(server);
    await client.send(new CreateScheduleCommand(schedule('restart-1')));
    first.scheduler.stop();
    await server.close();
    client.destroy();
    expect(first.invoker.calls).toHaveLength(0);

    const second = localScheduler({ file });
    const input = JSON.stringify({ orderId: 'restart-1', correlationId: 'req-restart-1' });
    expect(second.scheduler.get(GROUP, 'restart-1')).toMatchObject({ name: 'restart-1', target: { input } });
    second.scheduler.start();
    await until(() => second.invoker.callsTo('orders.expireOrder').length === 1, 'the restored schedule to fire');
    expect(second.scheduler.get(GROUP, 'restart-1')).toBeUndefined();
    second.scheduler.stop();
    second.delivery.stop();
  });

  it('a function error is retried by Lambda, then dead-lettered as for any asynchronous invocation', async () => {
    const local = localScheduler({
      handler: () => {
        throw new FunctionError('Error', 'boom');
      },
    });
    local.scheduler.start();
    local.scheduler.add({
      name: 'fails-1',
      groupName: GROUP,
      arn: 'a',
      expression: at(-1000),
      timezone: 'UTC',
      dueAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
      state: 'ENABLED',
      actionAfterCompletion: 'DELETE',
      target: {
        arn: TARGET,
        roleArn: 'r',
        input: '{}',
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 },
        deadLetterArn: DLQ,
      },
    });
    await until(() => local.delivery.deadLetters.list().some((queue) => queue.messages.length > 0), 'the dead letter');
    expect(local.invoker.callsTo('orders.expireOrder')).toHaveLength(3);
    local.scheduler.stop();
    local.delivery.stop();
  });
});
