import { eventContracts, parseEventEnvelope, SKU_PATTERN, STOCK_SHORTAGE_CODES } from '@harbor/contracts';
import { ReservationStatus } from '@harbor/inventory-domain';
import * as dynamoose from 'dynamoose';
import type { ObjectType } from 'dynamoose/dist/General';
import { HANDLED_SK, RESERVATION_SK, STOCK_SK } from './inventory-table.keys';

/*
 * Strict schemas: `saveUnknown: false` drops any attribute not declared here, and every write is checked
 * (`required`, `enum`, `validate`) before a request leaves the process. Stock counts are changed with ADD
 * (never read-then-write), which Dynamoose does not validate: the transaction's conditions keep them >= 0.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isNonNegativeInteger = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isPositiveInteger = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 1;
const isoDate = { value: Date, settings: { storage: 'iso' as const } };
const epochSeconds = { value: Date, settings: { storage: 'seconds' as const } };

export const stockSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: new RegExp(`^SKU#${SKU_PATTERN.source.slice(1)}`) },
    sk: { type: String, rangeKey: true, required: true, enum: [STOCK_SK] },
    sku: { type: String, required: true, validate: SKU_PATTERN },
    available: { type: Number, required: true, validate: isNonNegativeInteger },
    reserved: { type: Number, required: true, validate: isNonNegativeInteger },
    updatedAt: { type: isoDate, required: true },
  },
  { saveUnknown: false },
);

export const reservationSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^RESERVATION#[0-9a-f-]{36}$/ },
    sk: { type: String, rangeKey: true, required: true, enum: [RESERVATION_SK] },
    orderId: { type: String, required: true, validate: UUID },
    status: { type: String, required: true, enum: Object.values(ReservationStatus) },
    lines: {
      type: Array,
      required: true,
      schema: [
        {
          type: Object,
          schema: {
            sku: { type: String, required: true, validate: SKU_PATTERN },
            quantity: { type: Number, required: true, validate: isPositiveInteger },
          },
        },
      ],
    },
    shortages: {
      type: Array,
      required: true,
      schema: [
        {
          type: Object,
          schema: {
            sku: { type: String, required: true, validate: SKU_PATTERN },
            code: { type: String, required: true, enum: [...STOCK_SHORTAGE_CODES] },
            reason: { type: String, required: true },
            requested: { type: Number, required: true, validate: isPositiveInteger },
            available: { type: Number, required: true, validate: isNonNegativeInteger },
          },
        },
      ],
    },
    createdAt: { type: isoDate, required: true },
    updatedAt: { type: isoDate, required: true },
    version: { type: Number, required: true, validate: isPositiveInteger },
  },
  { saveUnknown: false },
);

/** Only events with a registered contract, whose JSON matches its own key attributes, may wait in the outbox. */
function outboxEnvelopeMatches(item: ObjectType): boolean {
  // The relay's conditional update only sets publishedAt: there is no envelope to compare.
  if (item['envelope'] === undefined && item['publishedAt'] !== undefined) return true;
  try {
    const envelope = parseEventEnvelope(JSON.parse(item['envelope']));
    return (
      envelope.eventId === item['eventId'] &&
      envelope.eventType === item['eventType'] &&
      envelope.correlationId === item['correlationId']
    );
  } catch {
    return false;
  }
}

export const outboxSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^RESERVATION#[0-9a-f-]{36}$/ },
    sk: { type: String, rangeKey: true, required: true, validate: /^OUTBOX#\d{10}#\d{3}$/ },
    eventId: { type: String, required: true, validate: UUID },
    eventType: { type: String, required: true, enum: eventContracts.map((contract) => contract.name) },
    envelope: { type: String, required: true },
    correlationId: { type: String, required: true },
    expiresAt: { type: epochSeconds, required: true },
    publishedAt: { type: isoDate },
  },
  { saveUnknown: false, validate: outboxEnvelopeMatches },
);

export const handledEventSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^EVENT#[0-9a-f-]{36}$/ },
    sk: { type: String, rangeKey: true, required: true, enum: [HANDLED_SK] },
    eventId: { type: String, required: true, validate: UUID },
    eventType: { type: String, required: true },
    handledAt: { type: isoDate, required: true },
    expiresAt: { type: epochSeconds, required: true },
  },
  { saveUnknown: false },
);
