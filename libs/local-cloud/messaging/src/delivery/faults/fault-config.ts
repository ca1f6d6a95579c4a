import * as z from 'zod';
import { InvalidFaultConfig } from '../errors';

/**
 * When a fault fires: on each attempt with a probability, or on the first N attempts at each matching target.
 * `match` is the target's name, `*` standing for any characters; omitted, every target of that kind matches.
 */
const trigger = {
  match: z.string().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  firstAttempts: z.number().int().min(1).optional(),
};

function oneTrigger(rule: { probability?: number | undefined; firstAttempts?: number | undefined }): boolean {
  return (rule.probability === undefined) !== (rule.firstAttempts === undefined);
}
const TRIGGER_MESSAGE = 'give exactly one of probability (0 to 1) or firstAttempts (an integer from 1)';

const functionFault = z
  .strictObject({ ...trigger, fault: z.enum(['error', 'timeout', 'throttle']) })
  .refine(oneTrigger, { message: TRIGGER_MESSAGE });
const serviceFault = z.strictObject(trigger).refine(oneTrigger, { message: TRIGGER_MESSAGE });
const tableFault = z
  .strictObject({
    ...trigger,
    error: z
      .enum(['ProvisionedThroughputExceededException', 'ThrottlingException'])
      .default('ProvisionedThroughputExceededException'),
  })
  .refine(oneTrigger, { message: TRIGGER_MESSAGE });
const streamFault = z
  .strictObject({ ...trigger, dropAfterRecords: z.number().int().min(0) })
  .refine(oneTrigger, { message: TRIGGER_MESSAGE });
const duplicates = z
  .strictObject({ min: z.number().int().min(1).max(10), max: z.number().int().min(1).max(10) })
  .refine((range) => range.min <= range.max, { message: 'min must not exceed max' });

export const faultConfigSchema = z.strictObject({
  /** Seed of every random choice (probabilities, copies, order), so a run can be repeated. */
  seed: z.number().int().optional(),
  /** By function id (`orders.placeOrder`): every invocation, whoever makes it. */
  functions: z.array(functionFault).default([]),
  /** By topic name: SNS cannot hand the message to the Lambda service (retried by SNS's delivery policy). */
  topics: z.array(serviceFault).default([]),
  /** By rule name: EventBridge cannot reach its target (retried by the rule's retry policy). */
  rules: z.array(serviceFault).default([]),
  /** By schedule (`<group>/<name>`): EventBridge Scheduler cannot reach its target (retried by the schedule's retry policy). */
  schedules: z.array(serviceFault).default([]),
  /** By table name: calls through the AWS endpoint answer DynamoDB's throttling error (the SDK retries them). */
  tables: z.array(tableFault).default([]),
  /** By stream mapping function id, mapping or table name: the invocation dies after handling N records. */
  streams: z.array(streamFault).default([]),
  delivery: z
    .strictObject({ duplicates: duplicates.optional(), reorder: z.boolean().default(false) })
    .default({ reorder: false }),
});

export type FaultConfig = z.output<typeof faultConfigSchema>;
export type FunctionFault = FaultConfig['functions'][number];
export type TableFault = FaultConfig['tables'][number];
export type StreamFault = FaultConfig['streams'][number];
export type FaultTrigger = FaultConfig['topics'][number];

export const NO_FAULTS: FaultConfig = faultConfigSchema.parse({});

/** Validates a configuration, naming every problem with its path. */
export function parseFaultConfig(input: unknown): FaultConfig {
  const parsed = faultConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
  );
  throw new InvalidFaultConfig(`Invalid fault configuration: ${problems.join('; ')}`, { problems });
}
