import { scheduleEnvironment, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A schedule as CreateSchedule's REST-JSON body carries it. */
export interface StoredSchedule {
  readonly ScheduleExpression: string;
  readonly Target: { readonly Arn: string; readonly Input: string };
  readonly [field: string]: unknown;
}

export interface SchedulerStandIn {
  /** The schedules that exist, by `<group>/<name>`. */
  readonly schedules: Map<string, StoredSchedule>;
  close(): Promise<void>;
}

const json = (status: number, body: unknown, errorType?: string) => ({ status, body: JSON.stringify(body), errorType });

/**
 * CreateSchedule and DeleteSchedule on the wire (REST-JSON, POST/DELETE /schedules/{Name}), at
 * AWS_ENDPOINT_URL_SCHEDULER, with PAYMENT_DEADLINE_* set from the declaration as Terraform and the local cloud set
 * them: the handlers' real SDK client runs against it. The local cloud's own emulation is proven end to end elsewhere.
 */
export async function serveScheduler(orders: ServiceDefinition, env: string): Promise<SchedulerStandIn> {
  const schedules = new Map<string, StoredSchedule>();
  const answer = (method: string, url: URL, body: string) => {
    const name = decodeURIComponent(url.pathname.replace(/^\/schedules\//, ''));
    if (method === 'POST') {
      const input = JSON.parse(body) as StoredSchedule & { GroupName: string };
      const key = `${input.GroupName}/${name}`;
      if (schedules.has(key)) return json(409, { Message: `Schedule ${name} already exists.` }, 'ConflictException');
      schedules.set(key, input);
      return json(200, { ScheduleArn: `arn:aws:scheduler:eu-west-1:000000000000:schedule/${key}` });
    }
    const key = `${url.searchParams.get('groupName') ?? 'default'}/${name}`;
    if (method === 'DELETE' && schedules.delete(key)) return json(200, {});
    return json(404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
  };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const {
        status,
        body: out,
        errorType,
      } = answer(request.method ?? 'GET', new URL(request.url ?? '/', 'http://scheduler'), body);
      response
        .writeHead(status, {
          'content-type': 'application/json',
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        })
        .end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SCHEDULER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const declared = orders.schedules['payment-deadline'];
  if (!declared) throw new Error('apps/orders/api/functions.yaml declares no payment-deadline schedule');
  const names = scheduleEnvironment('PAYMENT_DEADLINE');
  Object.assign(process.env, {
    [names.groupName]: `harbor-${env}-orders-payment-deadline`,
    [names.targetArn]: `arn:aws:lambda:eu-west-1:000000000000:function:harbor-${env}-orders-${declared.target}`,
    [names.roleArn]: `arn:aws:iam::000000000000:role/harbor-${env}-orders-payment-deadline-scheduler`,
    [names.deadLetterArn]: `arn:aws:sqs:eu-west-1:000000000000:harbor-${env}-orders-payment-deadline-dlq`,
    [names.windowSeconds]: String(declared.windowSeconds),
    [names.maximumRetryAttempts]: String(declared.retryPolicy.maximumRetryAttempts),
    [names.maximumEventAgeSeconds]: String(declared.retryPolicy.maximumEventAgeSeconds),
  });
  return { schedules, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
