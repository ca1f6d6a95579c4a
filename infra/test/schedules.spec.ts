import { grants, policyDocuments, statementsOf } from './support/iam';
import { eachPlanCase } from './support/plan-cases';

// Every schedule group a service declares (functions.yaml `schedules`) is deployed by its stack, named as the local
// cloud names it, with the execution role EventBridge Scheduler assumes and the dead-letter queue of its target.
// https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-group.html
describe.each(eachPlanCase())('schedule groups planned in %s', (id, { plan, naming, services }) => {
  const declared = services.flatMap((service) =>
    Object.entries(service.schedules).map(([key, schedule]) => ({
      service,
      key,
      schedule,
      group: naming.physical(`${service.name}-${key}`),
    })),
  );
  const roleOf = (group: string) => plan.find('aws_iam_role', 'name', `${group}-scheduler`);

  it('creates exactly the declared groups', () => {
    if (id.startsWith('envs-'))
      expect(declared.map(({ group }) => group)).toContain(naming.physical('orders-payment-deadline'));
    expect(
      plan
        .ofType('aws_scheduler_schedule_group')
        .map((resource) => resource.values.name)
        .sort(),
    ).toEqual(declared.map(({ group }) => group).sort());
  });

  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
  it('lets only EventBridge Scheduler, for this account and group, assume each group role', () => {
    for (const { group } of declared) expectSchedulerTrust(group);
  });

  function expectSchedulerTrust(group: string): void {
    const scheduler = `arn:aws:scheduler:${naming.region}:${naming.accountId}`;
    const [trust, ...more] = statementsOf(String(roleOf(group).values.assume_role_policy));
    expect(more).toEqual([]);
    expect(trust).toMatchObject({
      Effect: 'Allow',
      Action: ['sts:AssumeRole'],
      Principal: { Service: 'scheduler.amazonaws.com' },
    });
    expect(trust?.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': naming.accountId },
      ArnLike: {
        'aws:SourceArn': [`${scheduler}:schedule-group/${group}`, `${scheduler}:schedule/${group}/*`],
      },
    });
  }

  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html (lambda:InvokeFunction) and
  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html (sqs:SendMessage)
  it("lets each group's role only invoke the target function and send to the group's dead-letter queue", () => {
    for (const { group, service, schedule } of declared) {
      const role = roleOf(group);
      const policies = plan
        .ofType('aws_iam_role_policy')
        .filter((policy) => policy.moduleAddress === role.moduleAddress && policy.index === role.index);
      expect(policies).toHaveLength(1);
      const document = policyDocuments(plan).find(({ resource }) => resource.address === policies[0]!.address);
      const expected = [`lambda:InvokeFunction on ${naming.functionArn(service.name, schedule.target)}`];
      if (schedule.deadLetterQueue) expected.push(`sqs:SendMessage on ${naming.queueArn(`${group}-dlq`)}`);
      expect(grants(document?.statements ?? []).sort()).toEqual(expected.sort());
    }
  });

  it('encrypts each group dead-letter queue and keeps its messages 14 days', () => {
    for (const { group } of declared.filter(({ schedule }) => schedule.deadLetterQueue)) {
      const queue = plan.find('aws_sqs_queue', 'name', `${group}-dlq`);
      expect(queue.values).toMatchObject({ sqs_managed_sse_enabled: true, message_retention_seconds: 1_209_600 });
    }
  });
});
