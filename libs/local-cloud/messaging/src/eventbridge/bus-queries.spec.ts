import {
  DescribeEventBusCommand,
  DescribeRuleCommand,
  EventBridgeServiceException,
  ListEventBusesCommand,
  ListRulesCommand,
  PutRuleCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import {
  type EventBridgeFixture,
  ACCOUNT,
  REGION,
  events,
  rule,
  startEventBridge,
} from '../../test/eventbridge/eventbridge-fixture';

describe('bus and rule queries through the production EventBridge client', () => {
  let eb: EventBridgeFixture;
  const pattern = { source: ['harbor.orders'] };

  beforeAll(async () => {
    eb = await startEventBridge([
      rule({ name: 'orders-reserve', functionId: 'inventory.reserve', eventPattern: pattern }),
      rule({ name: 'orders-notify', functionId: 'notifications.on', eventPattern: pattern }),
      rule({ name: 'audit', functionId: 'audit.on', eventPattern: pattern }),
    ]);
  });
  afterAll(() => eb.close());

  it('lists the rules of a bus with their patterns', async () => {
    const { Rules, NextToken } = await eb.client.send(new ListRulesCommand({ EventBusName: events.name }));
    expect(NextToken).toBeUndefined();
    expect(Rules?.map((r) => r.Name)).toEqual(['orders-reserve', 'orders-notify', 'audit']);
    expect(Rules?.[0]).toEqual({
      Name: 'orders-reserve',
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/${events.name}/orders-reserve`,
      EventPattern: JSON.stringify(pattern),
      State: 'ENABLED',
      EventBusName: events.name,
    });
  });

  it('filters by name prefix and pages with Limit and NextToken', async () => {
    const first = await eb.client.send(
      new ListRulesCommand({ EventBusName: events.name, NamePrefix: 'orders-', Limit: 1 }),
    );
    expect(first.Rules?.map((r) => r.Name)).toEqual(['orders-reserve']);
    const second = await eb.client.send(
      new ListRulesCommand({ EventBusName: events.name, NamePrefix: 'orders-', Limit: 1, NextToken: first.NextToken }),
    );
    expect(second.Rules?.map((r) => r.Name)).toEqual(['orders-notify']);
    expect(second.NextToken).toBeUndefined();
  });

  it('describes a bus by name or ARN, and the default bus when no name is given', async () => {
    await expect(eb.client.send(new DescribeEventBusCommand({ Name: events.name }))).resolves.toEqual(
      expect.objectContaining({ Name: events.name, Arn: events.arn }),
    );
    await expect(eb.client.send(new DescribeEventBusCommand({ Name: events.arn }))).resolves.toEqual(
      expect.objectContaining({ Name: events.name }),
    );
    await expect(eb.client.send(new DescribeEventBusCommand({}))).resolves.toEqual(
      expect.objectContaining({ Name: 'default', Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default` }),
    );
  });

  it('answers ResourceNotFoundException (400) for a bus that does not exist', async () => {
    for (const command of [
      new DescribeEventBusCommand({ Name: 'nope' }),
      new ListRulesCommand({ EventBusName: 'nope' }),
    ]) {
      const error = await eb.client.send(command as DescribeEventBusCommand).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect((error as ResourceNotFoundException).message).toBe('Event bus nope does not exist.');
      expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
    }
  });

  // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeRule.html
  it('describes a rule of a bus, and names the rule and bus it cannot find', async () => {
    await expect(
      eb.client.send(new DescribeRuleCommand({ Name: 'orders-notify', EventBusName: events.name })),
    ).resolves.toEqual(
      expect.objectContaining({
        Name: 'orders-notify',
        Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/${events.name}/orders-notify`,
        EventPattern: JSON.stringify(pattern),
        State: 'ENABLED',
        EventBusName: events.name,
        CreatedBy: ACCOUNT,
      }),
    );
    const error = await eb.client
      .send(new DescribeRuleCommand({ Name: 'orders-notify' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).message).toBe('Rule orders-notify does not exist on EventBus default.');
  });

  // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListEventBuses.html
  it('lists the default bus and the declared ones, by name prefix and a page at a time', async () => {
    const all = await eb.client.send(new ListEventBusesCommand({}));
    expect(all.EventBuses?.map((bus) => bus.Name)).toEqual(['default', events.name]);
    expect(all.EventBuses?.[1]).toEqual({ Name: events.name, Arn: events.arn });
    const first = await eb.client.send(new ListEventBusesCommand({ Limit: 1 }));
    expect(first.EventBuses?.map((bus) => bus.Name)).toEqual(['default']);
    const second = await eb.client.send(new ListEventBusesCommand({ Limit: 1, NextToken: first.NextToken }));
    expect(second.EventBuses?.map((bus) => bus.Name)).toEqual([events.name]);
    expect(second.NextToken).toBeUndefined();
    const byPrefix = await eb.client.send(new ListEventBusesCommand({ NamePrefix: 'def' }));
    expect(byPrefix.EventBuses?.map((bus) => bus.Name)).toEqual(['default']);
  });

  it('says which operations are not emulated', async () => {
    const error = await eb.client
      .send(new PutRuleCommand({ Name: 'x', EventPattern: '{}' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventBridgeServiceException);
    expect((error as EventBridgeServiceException).name).toBe('UnknownOperationException');
    expect((error as EventBridgeServiceException).message).toContain('PutRule is not emulated by the local cloud');
  });
});
