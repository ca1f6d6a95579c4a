import {
  findWorkspaceRoot,
  loadServiceDefinitions,
  type ServiceDefinition,
} from '@harbor/platform-service-definitions';
import { functionSpecs, localFunctionEnvironment } from './function-specs';
import { NotEmulated } from './unsupported-declarations';

const workspaceRoot = findWorkspaceRoot(__dirname);
const naming = { env: 'e2e', region: 'eu-west-1', accountId: '000000000000' };
const issuer = { cognito_issuer_url: 'http://127.0.0.1:4566/_local', cognito_client_id: 'local-client' } as Record<
  string,
  string
>;
const resolveIssuer = () => (expression: string) => issuer[expression];

/** One function with the given environment, as loadServiceDefinitions would give it. */
const serviceWithEnvironment = (environment: Record<string, string>): ServiceDefinition =>
  ({
    name: 'chat',
    directory: `${workspaceRoot}/apps/chat`,
    functions: {
      greet: {
        id: 'chat.greet',
        key: 'greet',
        handler: 'src/greet.handler.ts',
        handlerPath: '/x/greet.handler.ts',
        memoryMb: 128,
        timeoutSeconds: 5,
        environment,
        tables: [],
        publishes: [],
        secrets: [],
        schedules: [],
      },
    },
  }) as unknown as ServiceDefinition;

describe('functionSpecs: each function’s environment', () => {
  it('fills ${cognito_issuer_url} and ${cognito_client_id} as the API files get them (notifications’ token authorizer)', () => {
    const notifications = loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false }).filter(
      (service) => service.name === 'notifications',
    );
    const authorizer = functionSpecs(notifications, naming, resolveIssuer, workspaceRoot).find(
      (spec) => spec.id === 'notifications.authorizeConnection',
    );
    expect(authorizer?.environment).toMatchObject({
      TOKEN_ISSUER_URL: 'http://127.0.0.1:4566/_local',
      TOKEN_AUDIENCE: 'local-client',
      POWERTOOLS_SERVICE_NAME: 'notifications',
    });
  });

  it('keeps plain values and Terraform’s $${ escape as written', () => {
    const [spec] = functionSpecs(
      [serviceWithEnvironment({ PLAIN: 'a-secret', ESCAPED: 'literal $${cognito_client_id}' })],
      naming,
      resolveIssuer,
      workspaceRoot,
    );
    expect(spec?.environment).toMatchObject({ PLAIN: 'a-secret', ESCAPED: 'literal ${cognito_client_id}' });
  });

  it("gives a function that reads a secret the secret's name, never its value", () => {
    const orders = loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false }).filter(
      (service) => service.name === 'orders',
    );
    const authorizer = functionSpecs(orders, naming, resolveIssuer, workspaceRoot).find(
      (spec) => spec.id === 'orders.authorizePaymentWebhook',
    );
    expect(authorizer?.environment['PAYMENT_WEBHOOK_SECRET_NAME']).toBe('harbor-e2e-orders-payment-webhook');
    expect(Object.values(authorizer?.environment ?? {})).not.toContain(
      orders[0]?.secrets['payment-webhook']?.localValue,
    );
  });

  it('gives a function that names a schedule group what Terraform gives it: group, target, role, queue, window and retries', () => {
    const orders = loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false }).filter(
      (service) => service.name === 'orders',
    );
    const confirm = functionSpecs(orders, naming, resolveIssuer, workspaceRoot).find(
      (spec) => spec.id === 'orders.confirmOrRejectOrder',
    );
    const declared = orders[0]!.schedules['payment-deadline']!;
    expect(confirm?.environment).toMatchObject({
      PAYMENT_DEADLINE_GROUP_NAME: 'harbor-e2e-orders-payment-deadline',
      PAYMENT_DEADLINE_TARGET_ARN: 'arn:aws:lambda:eu-west-1:000000000000:function:harbor-e2e-orders-expireOrder',
      PAYMENT_DEADLINE_ROLE_ARN: 'arn:aws:iam::000000000000:role/harbor-e2e-orders-payment-deadline-scheduler',
      PAYMENT_DEADLINE_DLQ_ARN: 'arn:aws:sqs:eu-west-1:000000000000:harbor-e2e-orders-payment-deadline-dlq',
      PAYMENT_DEADLINE_WINDOW_SECONDS: String(declared.windowSeconds),
      PAYMENT_DEADLINE_MAXIMUM_RETRY_ATTEMPTS: String(declared.retryPolicy.maximumRetryAttempts),
      PAYMENT_DEADLINE_MAXIMUM_EVENT_AGE_SECONDS: String(declared.retryPolicy.maximumEventAgeSeconds),
    });
  });

  it('stops start-up on a placeholder it cannot fill, naming the file and the variable', () => {
    const specs = () =>
      functionSpecs([serviceWithEnvironment({ KEY_ARN: '${kms_key_arn}' })], naming, resolveIssuer, workspaceRoot);
    expect(specs).toThrow(NotEmulated);
    expect(specs).toThrow(
      'apps/chat/api/functions.yaml: functions.greet.environment.KEY_ARN: placeholder ${kms_key_arn} is not emulated',
    );
  });
});

describe('localFunctionEnvironment: what every function gets locally', () => {
  it('points the AWS SDK at the local cloud and turns Powertools tracing off, there being no X-Ray locally', () => {
    expect(localFunctionEnvironment('http://127.0.0.1:4566', 'local')).toEqual({
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_SCHEDULER: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4566',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      HARBOR_ENV: 'local',
    });
  });
});
