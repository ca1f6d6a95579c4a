import { block, parseJsonAttribute, sortedByJson } from './support/collections';
import { eachPlanCase } from './support/plan-cases';

// Subscriptions, rules and stream mappings are exactly the ones events.yaml declares, with the filter policies,
// patterns and settings the local cloud applies (its loader's values, defaults included).
describe.each(eachPlanCase())('event sources planned in %s', (_id, { plan, naming, services }) => {
  it('deploys exactly the declared SNS subscriptions, with their filter policies, scopes and dead-letter queues', () => {
    const declared = services.flatMap((service) =>
      Object.values(service.events.subscriptions).map((subscription) => ({
        topic: naming.topicArn(subscription.topic),
        endpoint: naming.functionArn(service.name, subscription.function),
        protocol: 'lambda',
        filterPolicy: subscription.filterPolicy ?? null,
        scope: subscription.filterPolicy === undefined ? null : subscription.filterPolicyScope,
        raw: subscription.rawMessageDelivery,
        deadLetterQueue: subscription.deadLetterQueue,
      })),
    );
    const planned = plan.ofType('aws_sns_topic_subscription').map(({ values }) => ({
      topic: values.topic_arn,
      endpoint: values.endpoint,
      protocol: values.protocol,
      filterPolicy: parseJsonAttribute(values.filter_policy),
      scope: values.filter_policy ? values.filter_policy_scope : null,
      raw: values.raw_message_delivery,
      deadLetterQueue: Boolean(values.redrive_policy),
    }));
    expect(sortedByJson(planned)).toEqual(sortedByJson(declared));
  });

  it('lets SNS invoke each subscribed function from its topic only', () => {
    for (const service of services) {
      for (const subscription of Object.values(service.events.subscriptions)) {
        const permissions = plan
          .ofType('aws_lambda_permission')
          .filter(
            ({ values }) =>
              values.function_name === naming.functionName(service.name, subscription.function) &&
              values.principal === 'sns.amazonaws.com',
          );
        expect(permissions.map(({ values }) => values.source_arn)).toContain(naming.topicArn(subscription.topic));
      }
    }
  });

  it('deploys exactly the declared EventBridge rules, with their patterns, targets, retry policies and dead-letter queues', () => {
    const declared = services.flatMap((service) =>
      Object.entries(service.events.rules).map(([name, rule]) => ({
        rule: naming.ruleName(service.name, name),
        bus: naming.physical(rule.bus),
        pattern: rule.eventPattern,
        target: naming.functionArn(service.name, rule.function),
        retries: rule.retryPolicy.maximumRetryAttempts,
        maximumEventAge: rule.retryPolicy.maximumEventAgeSeconds,
        deadLetterQueue: rule.deadLetterQueue,
      })),
    );
    const planned = plan.ofType('aws_cloudwatch_event_rule').map(({ values }) => {
      const target = plan.find('aws_cloudwatch_event_target', 'rule', values.name);
      return {
        rule: values.name,
        bus: values.event_bus_name,
        pattern: parseJsonAttribute(values.event_pattern),
        target: target.values.arn,
        retries: block(target.values.retry_policy)?.maximum_retry_attempts,
        maximumEventAge: block(target.values.retry_policy)?.maximum_event_age_in_seconds,
        deadLetterQueue: block(target.values.dead_letter_config) !== undefined,
      };
    });
    expect(sortedByJson(planned)).toEqual(sortedByJson(declared));
  });

  it('lets EventBridge invoke each rule target from its rule only', () => {
    for (const service of services) {
      for (const [name, rule] of Object.entries(service.events.rules)) {
        const permission = plan.find(
          'aws_lambda_permission',
          'source_arn',
          naming.ruleArn(rule.bus, naming.ruleName(service.name, name)),
        );
        expect(permission.values).toMatchObject({
          principal: 'events.amazonaws.com',
          function_name: naming.functionName(service.name, rule.function),
          action: 'lambda:InvokeFunction',
        });
      }
    }
  });

  it('deploys exactly the declared stream mappings, with their starting position, filters, batching, retries and failure handling', () => {
    const declared = services.flatMap((service) =>
      Object.entries(service.events.streams).map(([name, stream]) => ({
        function: naming.functionName(service.name, stream.function),
        startingPosition: stream.startingPosition,
        filterPatterns: stream.filterPatterns,
        batchSize: stream.batchSize,
        retries: stream.maximumRetryAttempts,
        bisect: stream.bisectBatchOnFunctionError,
        responseTypes: stream.reportBatchItemFailures ? ['ReportBatchItemFailures'] : [],
        failureQueue: stream.deadLetterQueue
          ? naming.queueArn(`${naming.physical(`${service.name}-${name}`)}-dlq`)
          : null,
      })),
    );
    const planned = plan.ofType('aws_lambda_event_source_mapping').map(({ values }) => ({
      function: values.function_name,
      startingPosition: values.starting_position,
      filterPatterns: ((block(values.filter_criteria)?.filter ?? []) as { pattern: string }[]).map((filter) =>
        parseJsonAttribute(filter.pattern),
      ),
      batchSize: values.batch_size,
      retries: values.maximum_retry_attempts,
      bisect: values.bisect_batch_on_function_error,
      responseTypes: values.function_response_types ?? [],
      failureQueue: block(block(values.destination_config)?.on_failure)?.destination_arn ?? null,
    }));
    expect(sortedByJson(planned)).toEqual(sortedByJson(declared));
  });
});
