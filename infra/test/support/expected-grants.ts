import type { FunctionAccess } from '@harbor/tools-iam';
import { block } from './collections';
import { asynchronouslyInvokedFunctions, type ServiceDefinition } from './declarations';
import { UNKNOWN_RESOURCE } from './iam';
import type { PlanCase } from './plan-cases';

const STREAM_READ = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

/**
 * The grants a function's role must hold, as `action on resource[ when ...]`: its own logs and traces, `access` (what
 * it calls: tables, topics, the bus, @connections), and what its event sources need (stream reads, failure queues).
 */
export function expectedGrants(
  { naming, plan }: PlanCase,
  service: ServiceDefinition,
  key: string,
  access: FunctionAccess,
): string[] {
  const name = naming.functionName(service.name, key);
  const logGroup = `arn:aws:logs:${naming.region}:${naming.accountId}:log-group:/aws/lambda/${name}:*`;
  const expected = [
    `logs:CreateLogStream on ${logGroup}`,
    `logs:PutLogEvents on ${logGroup}`,
    'xray:PutTraceSegments on *',
    'xray:PutTelemetryRecords on *',
  ];
  for (const { table, actions, indexes } of access.tables) {
    const arn = naming.tableArn(table);
    for (const action of actions)
      for (const resource of [arn, ...indexes.map((index) => `${arn}/index/${index}`)])
        expected.push(`${action} on ${resource}`);
  }
  const source = service.events.publishes.eventbridge?.source ?? `harbor.${service.name}`;
  expected.push(...access.topics.map((topic) => `sns:Publish on ${naming.topicArn(topic)}`));
  expected.push(
    ...access.buses.map((bus) => `events:PutEvents on ${naming.busArn(bus)} when StringEquals events:source=${source}`),
  );
  for (const [stream, mapping] of Object.entries(service.events.streams)) {
    if (mapping.function !== key) continue;
    for (const action of STREAM_READ) expected.push(`${action} on ${naming.tableArn(mapping.table)}/stream/*`);
    if (mapping.deadLetterQueue)
      expected.push(`sqs:SendMessage on ${naming.queueArn(`${naming.physical(`${service.name}-${stream}`)}-dlq`)}`);
  }
  // The secrets it reads (functions.yaml `secrets`; Powertools reads them, no adapter descriptor): that one secret.
  for (const use of service.functions[key]?.secrets ?? []) {
    expected.push(
      `secretsmanager:GetSecretValue on arn:aws:secretsmanager:${naming.region}:${naming.accountId}:secret:${naming.physical(`${service.name}-${use.secret}`)}-??????`,
    );
  }
  // Schedules of the groups it names (functions.yaml `schedules`): those actions on that group's schedules only, and
  // iam:PassRole on the group's execution role, to the scheduler only, where it creates schedules.
  for (const { schedule, actions } of access.schedules) {
    const group = naming.physical(`${service.name}-${schedule}`);
    for (const action of actions)
      expected.push(`${action} on arn:aws:scheduler:${naming.region}:${naming.accountId}:schedule/${group}/*`);
    if (actions.includes('scheduler:CreateSchedule')) {
      expected.push(
        `iam:PassRole on arn:aws:iam::${naming.accountId}:role/${group}-scheduler when StringEquals iam:PassedToService=scheduler.amazonaws.com`,
      );
    }
  }
  // @connections of the service's WebSocket API, whose id AWS assigns on apply (exact ARNs: the stacks' terraform tests).
  expected.push(...access.connections.map(() => `execute-api:ManageConnections on ${UNKNOWN_RESOURCE}`));
  if (asynchronouslyInvokedFunctions(service).has(key)) {
    const config = plan.find('aws_lambda_function_event_invoke_config', 'function_name', name);
    expected.push(
      `sqs:SendMessage on ${String(block(block(config.values.destination_config)?.on_failure)?.destination)}`,
    );
  }
  return expected.sort();
}
