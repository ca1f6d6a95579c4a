/**
 * What an adapter may call in AWS, declared beside it (`<adapter>.access.ts`) and proven by its spec, which runs
 * every method and compares the commands actually sent with this declaration. tools/iam derives each
 * function's role from the descriptors of the adapters its handler wires, per method it calls.
 */

/** DynamoDB actions as IAM names them (a transaction needs the action of each of its items). */
export type DynamoDbAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:Query'
  | 'dynamodb:Scan';

/** @connections methods: POST = PostToConnection, GET = GetConnection, DELETE = DeleteConnection. */
export type ConnectionMethod = 'POST' | 'GET' | 'DELETE';

/** EventBridge Scheduler calls on the schedules of one group (creating one also passes the group's execution role). */
export type SchedulerAction = 'scheduler:CreateSchedule' | 'scheduler:DeleteSchedule' | 'scheduler:GetSchedule';

/** One resource and the actions on it; resources are the logical keys of the service's declarations. */
export type ResourceAccess =
  /** A table of tables.yaml; `index` when the action reads one of its indexes. */
  | { readonly table: string; readonly index?: string; readonly actions: readonly DynamoDbAction[] }
  /** A table the adapter finds through an environment variable of the function (functions.yaml tables[].env). */
  | { readonly tableEnv: string; readonly actions: readonly DynamoDbAction[] }
  | { readonly topic: string; readonly actions: readonly ['sns:Publish'] }
  | { readonly bus: string; readonly actions: readonly ['events:PutEvents'] }
  | { readonly connections: readonly ConnectionMethod[]; readonly actions: readonly ['execute-api:ManageConnections'] }
  /** The schedules of a group functions.yaml declares (`schedules.<key>`). */
  | { readonly schedule: string; readonly actions: readonly SchedulerAction[] };

type MethodsOf<Port> = {
  readonly [
    Method in keyof Port as Port[Method] extends (...args: never[]) => unknown ? Method : never
  ]: readonly ResourceAccess[];
};

/**
 * An adapter class (`adapter` names the class, or the factory returning it, in a file beside the descriptor): the
 * AWS calls of each method of the port it implements (`[]` for one that calls nothing). Typed against the port,
 * so a new port method cannot go undeclared.
 */
export interface AdapterAccess<Port = Record<string, (...args: never[]) => unknown>> {
  readonly adapter: string;
  readonly methods: MethodsOf<Port>;
}

/** An adapter a framework drives (e.g. a middleware): all of `access` is needed wherever it is wired. */
export interface WiredAdapterAccess {
  readonly adapter: string;
  readonly whenWired: readonly ResourceAccess[];
}
