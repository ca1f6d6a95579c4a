import * as z from 'zod';
import { requiredOr } from '../validation/issue-messages';
import type { EventEnvelope } from './event-envelope';

/** A named, versioned event: its payload schema and the schema of the envelope that carries it. */
export interface EventContract<N extends string = string, V extends number = number, S extends z.ZodType = z.ZodType> {
  readonly name: N;
  readonly version: V;
  readonly payloadSchema: S;
  readonly envelopeSchema: z.ZodType<EventEnvelope<z.output<S>, N, V>>;
}

/** The payload type of an event contract: `PayloadOf<typeof OrderPlaced>`. */
export type PayloadOf<C extends EventContract> = z.output<C['payloadSchema']>;

/** The full envelope type of an event contract: `EnvelopeOf<typeof OrderPlaced>`. */
export type EnvelopeOf<C extends EventContract> = EventEnvelope<PayloadOf<C>, C['name'], C['version']>;

const EVENT_NAME_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
const lineageId = z
  .string({ error: requiredOr('must be a string') })
  .min(1, { error: 'must not be empty' })
  .max(256, { error: 'must be at most 256 characters' });

export function defineEvent<const N extends string, const V extends number, S extends z.ZodType>(
  name: N,
  version: V,
  payloadSchema: S,
): EventContract<N, V, S> {
  if (!EVENT_NAME_PATTERN.test(name)) {
    throw new Error(`Event name "${name}" must be PascalCase (${EVENT_NAME_PATTERN.source})`);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`Event ${name} needs a positive integer version, got ${version}`);
  }
  const envelopeSchema = z.object({
    eventId: z.uuid({ error: 'must be a UUID' }),
    eventType: z.literal(name, { error: `must be "${name}"` }),
    version: z.literal(version, { error: `must be ${version}` }),
    occurredAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
    correlationId: lineageId,
    causationId: lineageId,
    payload: payloadSchema,
  });
  return Object.freeze({
    name,
    version,
    payloadSchema,
    // zod cannot resolve its object output type while S is still generic; the shape above is exactly EventEnvelope.
    envelopeSchema: envelopeSchema as unknown as z.ZodType<EventEnvelope<z.output<S>, N, V>>,
  });
}
