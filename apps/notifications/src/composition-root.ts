import {
  ApiGatewayConnectionGateway,
  DynamooseConnectionRepository,
  DynamooseNotificationRepository,
  DynamoosePushLedger,
  JoseTokenVerifier,
} from '@harbor/notifications-adapters';
import { SystemClock } from '@harbor/shared-kernel';
import {
  CloseConnection,
  OpenConnection,
  PushOrderStatus,
  RecordNotification,
  type TokenVerifier,
} from '@harbor/notifications-application';
import { observability } from './observability';

// Wiring of the notifications use cases to their adapters. Built on first use rather than at import, so a cold
// start pays only for what its handler needs and tests can point the environment at their own tables first.

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: the function's environment must name it (apps/notifications/api/functions.yaml)`,
    );
  return value;
}

const tableName = () => requiredEnv('NOTIFICATIONS_TABLE_NAME');
const clock = new SystemClock();

export const openConnection = (): OpenConnection =>
  new OpenConnection({ connections: new DynamooseConnectionRepository({ tableName: tableName() }), clock });
export const closeConnection = (): CloseConnection =>
  new CloseConnection({ connections: new DynamooseConnectionRepository({ tableName: tableName() }) });
export const recordNotification = (): RecordNotification =>
  new RecordNotification({ notifications: new DynamooseNotificationRepository({ tableName: tableName() }), clock });

let gateway: ApiGatewayConnectionGateway | undefined;
export const pushOrderStatus = (): PushOrderStatus =>
  new PushOrderStatus({
    connections: new DynamooseConnectionRepository({ tableName: tableName() }),
    ledger: new DynamoosePushLedger({ tableName: tableName() }),
    // One @connections client per container: it keeps its HTTP connections alive between invocations.
    gateway: (gateway ??= new ApiGatewayConnectionGateway()),
    clock,
  });

let verifier: TokenVerifier | undefined;
/** One verifier per container, so the issuer's JWKS is fetched once, not on every `$connect`. */
export const tokenVerifier = (): TokenVerifier =>
  (verifier ??= new JoseTokenVerifier({
    issuer: requiredEnv('TOKEN_ISSUER_URL'),
    audience: requiredEnv('TOKEN_AUDIENCE'),
    onRejected: (reason) => observability.logger.warn('Connection token refused', { reason }),
  }));
