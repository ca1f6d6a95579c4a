// The local EventBridge Scheduler's firing accuracy, as a function sees it: `count` one-time at() schedules are
// created through the SDK on a local cloud started as `npm start` (real-time clock), due at whole seconds spread over
// the next few seconds; each one's lateness is when its target's delivery started (the trace) minus its at() time.
// AWS documents one-minute precision (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html).
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { randomUUID } from 'node:crypto';
import { endpointNamed, startLocalCloudProcess } from '../lib/local-cloud-process.mjs';
import { markdownTable, percentile, round } from '../lib/report.mjs';

const GROUP = 'harbor-bench-orders-payment-deadline';
const TARGET = 'arn:aws:lambda:eu-west-1:000000000000:function:harbor-bench-orders-expireOrder';

const at = (ms) => `at(${new Date(ms).toISOString().slice(0, 19)})`;

async function deliveryStart(aws, correlationId) {
  const response = await fetch(`${aws}/_local/traces?correlationId=${encodeURIComponent(correlationId)}`);
  const { hops } = await response.json();
  const delivery = hops.find((hop) => hop.kind === 'delivery' && hop.detail?.service === 'scheduler');
  return delivery ? Date.parse(delivery.startedAt) : undefined;
}

export async function benchScheduler({ count = 200, spreadSeconds = 5, leadSeconds = 15 } = {}) {
  const cloud = await startLocalCloudProcess({ env: { HARBOR_QUIET: 'true', AWS_REGION: 'eu-west-1' } });
  const aws = endpointNamed(cloud.endpoints, 'AWS endpoint');
  const client = new SchedulerClient({
    endpoint: aws,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    // The first due second leaves time to create them all (ten calls in flight); each later second takes its share.
    const firstDue = Math.ceil(Date.now() / 1000) * 1000 + leadSeconds * 1000;
    const schedules = Array.from({ length: count }, (_, i) => ({
      correlationId: `bench-schedule-${randomUUID()}`,
      dueAtMs: firstDue + (i % spreadSeconds) * 1000,
    }));
    const create = async ({ correlationId, dueAtMs }) =>
      client.send(
        new CreateScheduleCommand({
          Name: correlationId,
          GroupName: GROUP,
          ScheduleExpression: at(dueAtMs),
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          // An order nobody placed: expireOrder acknowledges it and changes nothing.
          Target: {
            Arn: TARGET,
            RoleArn: 'arn:aws:iam::000000000000:role/bench',
            Input: JSON.stringify({ orderId: randomUUID(), correlationId }),
          },
        }),
      );
    for (let i = 0; i < schedules.length; i += 10) await Promise.all(schedules.slice(i, i + 10).map(create));
    const createdBy = Date.now();
    if (createdBy > firstDue)
      throw new Error(`creating ${count} schedules took past their first due time; lower BENCH_SCHEDULES`);
    // Wait for the last due second and the deliveries to be traced, then read every one.
    await new Promise((resolve) => setTimeout(resolve, firstDue + spreadSeconds * 1000 + 2000 - Date.now()));
    const lateness = [];
    for (const { correlationId, dueAtMs } of schedules) {
      const started = await deliveryStart(aws, correlationId);
      if (started === undefined) throw new Error(`schedule ${correlationId} did not fire`);
      lateness.push(started - dueAtMs);
    }
    return {
      schedules: count,
      spreadSeconds,
      p50Ms: percentile(lateness, 50),
      p99Ms: percentile(lateness, 99),
      maxMs: Math.max(...lateness),
      minMs: Math.min(...lateness),
      earlyCount: lateness.filter((ms) => ms < 0).length,
    };
  } finally {
    client.destroy();
    await cloud.stop();
  }
}

export function schedulerTable(result) {
  const title = `${result.schedules} one-time schedules due over ${result.spreadSeconds} s, real-time clock; lateness = delivery start − at() time`;
  return `${title}\n\n${markdownTable(
    ['p50 ms', 'p99 ms', 'max ms', 'min ms', 'fired early'],
    [
      [
        round(result.p50Ms, 0),
        round(result.p99Ms, 0),
        round(result.maxMs, 0),
        round(result.minMs, 0),
        result.earlyCount,
      ],
    ],
  )}`;
}
