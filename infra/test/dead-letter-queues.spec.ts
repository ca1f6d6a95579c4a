import { asynchronouslyInvokedFunctions } from './support/declarations';
import { block, parseJsonAttribute } from './support/collections';
import { statementsOf } from './support/iam';
import { eachPlanCase } from './support/plan-cases';
import type { PlannedResource, TerraformPlan } from './support/terraform-plan';

// Nothing is lost silently: every function invoked asynchronously (by SNS or EventBridge) and every stream consumer
// keeps what it could not process in a queue, declared dead-letter queues accept messages from their source only,
// and every queue alarms on its first message.
function hasNotEmptyAlarm(plan: TerraformPlan, queueName: string): boolean {
  return plan
    .ofType('aws_cloudwatch_metric_alarm')
    .some(
      ({ values }) =>
        values.namespace === 'AWS/SQS' &&
        values.metric_name === 'ApproximateNumberOfMessagesVisible' &&
        (values.dimensions as Record<string, string> | undefined)?.QueueName === queueName &&
        values.comparison_operator === 'GreaterThanThreshold' &&
        values.threshold === 0,
    );
}

/** The one principal and source ARN a queue policy lets send messages, e.g. sns.amazonaws.com from one topic. */
function allowedSenders(plan: TerraformPlan, queue: PlannedResource): string[] {
  const policies = plan.ofType('aws_sqs_queue_policy').filter((policy) => policy.moduleAddress === queue.moduleAddress);
  return policies.flatMap(({ values }) =>
    statementsOf(String(values.policy)).map(
      (statement) =>
        `${JSON.stringify(statement.Principal)} ${statement.Action.join()} ${JSON.stringify(statement.Condition?.ArnEquals?.['aws:SourceArn'])}`,
    ),
  );
}

describe.each(eachPlanCase())('dead-letter queues planned in %s', (_id, { plan, naming, services }) => {
  const queueNamed = (name: string) => plan.find('aws_sqs_queue', 'name', name);

  // SNS, EventBridge rules and EventBridge Scheduler invoke Lambda asynchronously: a function error is retried by
  // Lambda, then kept only by an on-failure destination. "EventBridge Scheduler invokes your Lambda function
  // asynchronously": https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html
  it('give every asynchronously invoked function an on-failure destination, schedule targets included', () => {
    const asyncFunctions = services.flatMap((service) =>
      [...asynchronouslyInvokedFunctions(service)].map((key) => naming.functionName(service.name, key)),
    );
    const configs = plan.ofType('aws_lambda_function_event_invoke_config');
    expect(configs.map(({ values }) => values.function_name).sort()).toEqual([...new Set(asyncFunctions)].sort());
    for (const { values } of configs) {
      const destination = String(block(block(values.destination_config)?.on_failure)?.destination);
      expect(queueNamed(naming.queueName(destination)).values.name).toBe(naming.queueName(destination));
    }
  });

  it('give every stream consumer a failure queue (declare deadLetterQueue: true in events.yaml)', () => {
    const withoutQueue = services.flatMap((service) =>
      Object.entries(service.events.streams)
        .filter(([, stream]) => !stream.deadLetterQueue)
        .map(([name]) => `${service.name} streams.${name}`),
    );
    expect(withoutQueue).toEqual([]);
  });

  it('name declared dead-letter queues harbor-<env>-<service>-<name>-dlq, as the local cloud names stream queues', () => {
    // Subscriptions, rules and streams (events.yaml) and schedule groups (functions.yaml schedules).
    const declared = services.flatMap((service) =>
      Object.entries({
        ...service.events.subscriptions,
        ...service.events.rules,
        ...service.events.streams,
        ...service.schedules,
      })
        .filter(([, source]) => source.deadLetterQueue)
        .map(([name]) => `${naming.physical(`${service.name}-${name}`)}-dlq`),
    );
    const functionQueues = plan
      .ofType('aws_lambda_function_event_invoke_config')
      .map(({ values }) => naming.queueName(String(block(block(values.destination_config)?.on_failure)?.destination)));
    expect(
      plan
        .ofType('aws_sqs_queue')
        .map(({ values }) => String(values.name))
        .filter((name) => !functionQueues.includes(name))
        .sort(),
    ).toEqual(declared.sort());
  });

  it('let SNS send to a subscription dead-letter queue from the subscribed topic only', () => {
    for (const { values } of plan.ofType('aws_sns_topic_subscription').filter(({ values }) => values.redrive_policy)) {
      const { deadLetterTargetArn } = parseJsonAttribute(values.redrive_policy) as { deadLetterTargetArn: string };
      expect(allowedSenders(plan, queueNamed(naming.queueName(deadLetterTargetArn)))).toContain(
        `{"Service":"sns.amazonaws.com"} sqs:SendMessage "${String(values.topic_arn)}"`,
      );
    }
  });

  it('let EventBridge send to a rule dead-letter queue from that rule only', () => {
    for (const { values } of plan
      .ofType('aws_cloudwatch_event_target')
      .filter(({ values }) => block(values.dead_letter_config))) {
      const queue = queueNamed(naming.queueName(String(block(values.dead_letter_config)?.arn)));
      const ruleArn = `arn:aws:events:${naming.region}:${naming.accountId}:rule/${String(values.event_bus_name)}/${String(values.rule)}`;
      expect(allowedSenders(plan, queue)).toEqual([`{"Service":"events.amazonaws.com"} sqs:SendMessage "${ruleArn}"`]);
    }
  });

  it('alarm on the first visible message of every queue', () => {
    const queues = plan.ofType('aws_sqs_queue').map((queue) => String(queue.values.name));
    expect(queues.filter((name) => !hasNotEmptyAlarm(plan, name))).toEqual([]);
  });
});
