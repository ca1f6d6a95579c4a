import * as z from 'zod';
import { GrantsAreDerivedSchema } from './access.schema';
import {
  FunctionScheduleSchema,
  ScheduleDeclarationSchema,
  scheduleEnvironment,
  ScheduleKeySchema,
} from './schedule.schema';

const EnvironmentVariableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name (letters, digits, _)' });

// A table the function gets the name of (`env`), and the indexes it reads. What it may do on them is derived from
// its adapters' access descriptors (access.generated.json), never declared here.
export const FunctionTableAccessSchema = z.strictObject({
  table: z.string().min(1),
  env: EnvironmentVariableNameSchema,
  actions: GrantsAreDerivedSchema,
  indexes: z.array(z.string().min(1)).default([]),
});
export type FunctionTableAccess = z.output<typeof FunctionTableAccessSchema>;

export const FunctionPublishSchema = z.union(
  [
    z.strictObject({ topic: z.string().min(1), env: EnvironmentVariableNameSchema }),
    z.strictObject({
      bus: z.literal('events', { error: 'the only bus is the platform bus, events' }),
      env: EnvironmentVariableNameSchema,
    }),
  ],
  { error: 'expected { topic, env } or { bus: events, env }' },
);
export type FunctionPublish = z.output<typeof FunctionPublishSchema>;

// A secret the function reads at run time from Secrets Manager (Powertools Parameters, cached): `env` carries the
// secret's name, never its value. Terraform grants secretsmanager:GetSecretValue on that one secret.
export const FunctionSecretSchema = z.strictObject({
  secret: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'secret keys are kebab-case' }),
  env: EnvironmentVariableNameSchema,
});
export type FunctionSecret = z.output<typeof FunctionSecretSchema>;

// The @connections calls a function makes on its service's WebSocket API (websocket.yaml), by HTTP method:
// POST = PostToConnection, GET = GetConnection, DELETE = DeleteConnection. Terraform grants exactly these.
export const ConnectionMethodSchema = z.enum(['POST', 'GET', 'DELETE'], {
  error: 'expected POST, GET or DELETE (the @connections method)',
});

export const FunctionDeclarationSchema = z
  .strictObject({
    handler: z.string().regex(/^src\/.+\.ts$/, { error: 'expected a path like src/<name>.handler.ts' }),
    description: z.string().optional(),
    memoryMb: z.int().min(128).max(10240),
    timeoutSeconds: z.int().min(1).max(900),
    // YAML reads `PORT: 8080` as a number; Lambda environment values are strings.
    environment: z
      .record(EnvironmentVariableNameSchema, z.union([z.string(), z.number(), z.boolean()]).transform(String))
      .default({}),
    tables: z.array(FunctionTableAccessSchema).default([]),
    publishes: z.array(FunctionPublishSchema).default([]),
    connections: z.array(ConnectionMethodSchema).default([]),
    secrets: z.array(FunctionSecretSchema).default([]),
    schedules: z.array(FunctionScheduleSchema).default([]),
  })
  .superRefine(function checkEnvironmentNamesAreUnique(fn, ctx) {
    const seen = new Set(Object.keys(fn.environment));
    const check = (env: string, path: (string | number)[]) => {
      if (seen.has(env)) ctx.addIssue({ code: 'custom', path, message: `${env} is set twice` });
      seen.add(env);
    };
    fn.tables.forEach((access, i) => check(access.env, ['tables', i, 'env']));
    fn.publishes.forEach((publish, i) => check(publish.env, ['publishes', i, 'env']));
    fn.secrets.forEach((secret, i) => check(secret.env, ['secrets', i, 'env']));
    fn.schedules.forEach((use, i) =>
      Object.values(scheduleEnvironment(use.env)).forEach((env) => check(env, ['schedules', i, 'env'])),
    );
  });
export type FunctionDeclaration = z.output<typeof FunctionDeclarationSchema>;

export const FunctionKeySchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'function keys are camelCase' });

/**
 * A secret the service owns, named harbor-<env>-<service>-<key> in Secrets Manager. Terraform creates it empty
 * (its value is put by an operator, never by a file); `localValue` is what the local cloud answers for it.
 */
export const SecretDeclarationSchema = z.strictObject({
  description: z.string().min(1),
  localValue: z.string().min(1),
});
export type SecretDeclaration = z.output<typeof SecretDeclarationSchema>;

export const FunctionsFileSchema = z.strictObject({
  functions: z.record(FunctionKeySchema, FunctionDeclarationSchema).default({}),
  secrets: z
    .record(z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'secret keys are kebab-case' }), SecretDeclarationSchema)
    .default({}),
  schedules: z.record(ScheduleKeySchema, ScheduleDeclarationSchema).default({}),
});
