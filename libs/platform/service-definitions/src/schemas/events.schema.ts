import * as z from 'zod';

const EventNameSchema = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'event names are PascalCase' });
const PlatformBusSchema = z.literal('events', { error: 'the only bus is the platform bus, events' });
/** Event patterns and filter policies are checked by the matcher; here they only need to be objects. */
const JsonObjectSchema = z.record(z.string(), z.unknown());

export const PublishesSchema = z.strictObject({
  eventbridge: z
    .strictObject({
      bus: PlatformBusSchema,
      source: z.string().regex(/^harbor\.[a-z][a-z0-9-]*$/, { error: 'expected harbor.<service>' }),
      events: z.array(EventNameSchema).min(1),
    })
    .optional(),
  sns: z.strictObject({ topic: z.string().min(1), events: z.array(EventNameSchema).min(1) }).optional(),
});

export const TopicSchema = z.strictObject({ description: z.string().optional() });

// Defaults are AWS's own, so an omitted setting behaves locally as it does in AWS.
export const SubscriptionSchema = z.strictObject({
  topic: z.string().min(1),
  function: z.string().min(1),
  filterPolicyScope: z
    .enum(['MessageAttributes', 'MessageBody'], { error: 'expected MessageAttributes or MessageBody' })
    .default('MessageAttributes'),
  filterPolicy: JsonObjectSchema.optional(),
  rawMessageDelivery: z.boolean().default(false),
  deadLetterQueue: z.boolean().default(false),
});
export type SubscriptionDefinition = z.output<typeof SubscriptionSchema>;

export const RuleSchema = z.strictObject({
  bus: PlatformBusSchema,
  eventPattern: JsonObjectSchema,
  function: z.string().min(1),
  retryPolicy: z
    .strictObject({
      maximumRetryAttempts: z.int().min(0).max(185).default(185),
      maximumEventAgeSeconds: z.int().min(60).max(86400).default(86400),
    })
    .default({ maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 }),
  deadLetterQueue: z.boolean().default(false),
});
export type RuleDefinition = z.output<typeof RuleSchema>;

// An event source mapping, with AWS's names, ranges and defaults. AWS has no default starting position, so neither
// has this. Options missing here (batching window, record age, parallelization, tumbling windows) are refused
// as unknown fields rather than deployed in AWS and ignored locally.
export const StreamMappingSchema = z.strictObject({
  table: z.string().min(1),
  function: z.string().min(1),
  startingPosition: z.enum(['TRIM_HORIZON', 'LATEST'], {
    error: (issue) =>
      issue.input === undefined
        ? 'required'
        : 'expected TRIM_HORIZON or LATEST (DynamoDB streams have no AT_TIMESTAMP)',
  }),
  batchSize: z.int().min(1).max(10000).default(100),
  /** FilterCriteria: a record reaches the function when it matches any one of these patterns (Lambda's quota: 5). */
  filterPatterns: z
    .array(JsonObjectSchema)
    .max(5, { error: 'at most 5 filter patterns per event source mapping' })
    .default([]),
  maximumRetryAttempts: z.int().min(-1).max(10000).default(-1),
  bisectBatchOnFunctionError: z.boolean().default(false),
  reportBatchItemFailures: z.boolean().default(false),
  deadLetterQueue: z.boolean().default(false),
});
export type StreamMappingDefinition = z.output<typeof StreamMappingSchema>;

const NameSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'names are lower-case letters, digits or -' });

export const EventsFileSchema = z.strictObject({
  publishes: PublishesSchema.default({}),
  topics: z.record(NameSchema, TopicSchema).default({}),
  subscriptions: z.record(NameSchema, SubscriptionSchema).default({}),
  rules: z.record(NameSchema, RuleSchema).default({}),
  streams: z.record(NameSchema, StreamMappingSchema).default({}),
});
export type EventsDefinition = z.output<typeof EventsFileSchema>;
