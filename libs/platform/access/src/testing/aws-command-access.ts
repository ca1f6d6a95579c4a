/** One IAM action an AWS SDK command needs, on the physical resource it names (table, table/index/<name>, topic ARN, bus, @connections method). */
export interface CommandAccess {
  readonly action: string;
  readonly resource: string;
}

/** The parts of an AWS SDK v3 command the access depends on. */
export interface SentCommand {
  readonly constructor: { readonly name: string };
  readonly input: unknown;
}

type Input = Record<string, unknown>;

const field = (input: unknown, name: string): Input => ((input as Input | undefined)?.[name] ?? {}) as Input;
const text = (input: unknown, name: string): string => String((input as Input | undefined)?.[name] ?? '');
const list = (input: unknown, name: string): unknown[] =>
  Array.isArray((input as Input | undefined)?.[name]) ? ((input as Input)[name] as unknown[]) : [];

// A transaction's IAM permissions are those of each of its items (there is no TransactWriteItems action).
const TRANSACT_WRITE_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};
const CONNECTION_METHODS: Readonly<Record<string, string>> = {
  PostToConnectionCommand: 'POST',
  GetConnectionCommand: 'GET',
  DeleteConnectionCommand: 'DELETE',
};
const SCHEDULER_COMMANDS = new Set(['CreateSchedule', 'DeleteSchedule', 'GetSchedule']);
const SINGLE_TABLE_COMMANDS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'DescribeTable',
]);

/** What IAM checks when this command is sent: each action on each resource. Unknown commands name themselves. */
export function accessOfCommand(command: SentCommand): CommandAccess[] {
  const name = command.constructor.name.replace(/Command$/, '');
  const { input } = command;
  if (SINGLE_TABLE_COMMANDS.has(name)) {
    const index = text(input, 'IndexName');
    return [
      {
        action: `dynamodb:${name}`,
        resource: index ? `${text(input, 'TableName')}/index/${index}` : text(input, 'TableName'),
      },
    ];
  }
  if (name === 'TransactWriteItems') {
    return list(input, 'TransactItems').flatMap((item) =>
      Object.entries(item as Input).map(([kind, request]) => ({
        action: TRANSACT_WRITE_ACTIONS[kind] ?? `dynamodb:${kind}`,
        resource: text(request, 'TableName'),
      })),
    );
  }
  if (name === 'TransactGetItems')
    return list(input, 'TransactItems').map((item) => ({
      action: 'dynamodb:GetItem',
      resource: text(field(item, 'Get'), 'TableName'),
    }));
  if (name === 'BatchGetItem' || name === 'BatchWriteItem')
    return Object.keys(field(input, 'RequestItems')).map((table) => ({ action: `dynamodb:${name}`, resource: table }));
  if (name === 'Publish' || name === 'PublishBatch')
    return [{ action: 'sns:Publish', resource: text(input, 'TopicArn') }];
  if (name === 'PutEvents')
    return list(input, 'Entries').map((entry) => ({
      action: 'events:PutEvents',
      resource: text(entry, 'EventBusName') || 'default',
    }));
  if (SCHEDULER_COMMANDS.has(name))
    return [{ action: `scheduler:${name}`, resource: `schedule group ${text(input, 'GroupName') || 'default'}` }];
  const method = CONNECTION_METHODS[command.constructor.name];
  if (method) return [{ action: 'execute-api:ManageConnections', resource: `@connections ${method}` }];
  return [{ action: `unknown:${command.constructor.name}`, resource: '' }];
}

/** The same access as a descriptor's resources name it: `action on resource`, sorted, without repeats. */
export function describeAccess(accesses: readonly CommandAccess[]): string[] {
  return [...new Set(accesses.map(({ action, resource }) => `${action} on ${resource}`))].sort();
}
