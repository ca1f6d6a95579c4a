import { CURRENCY_PATTERN, eventContracts, parseEventEnvelope } from '@harbor/contracts';
import { OrderStatus } from '@harbor/orders-domain';
import * as dynamoose from 'dynamoose';
import type { ObjectType } from 'dynamoose/dist/General';
import { BY_CUSTOMER_INDEX, customerOrderSk, customerPk, OPEN_ORDERS_SK, ORDER_SK, orderPk } from './orders-table.keys';

/*
 * Strict schemas: `saveUnknown: false` drops any attribute not declared here, and every write is checked
 * (`required`, `enum`, `validate`) before a request leaves the process, so a bad item is never sent.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ORDER_PK = /^ORDER#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isPositiveInteger = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 1;
const isNonNegativeInteger = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isNonEmptyArray = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
/** Dates are stored as ISO 8601 strings (toISOString's fixed width is what makes gsi1sk sort by time). */
const isoDate = { value: Date, settings: { storage: 'iso' as const } };

const orderLineSchema = {
  sku: { type: String, required: true },
  quantity: { type: Number, required: true, validate: isPositiveInteger },
  unitPrice: {
    type: Object,
    required: true,
    schema: {
      amountMinor: { type: Number, required: true, validate: isNonNegativeInteger },
      currency: { type: String, required: true, validate: CURRENCY_PATTERN },
    },
  },
};

/** The keys must be derived from the fields they index, or the order would be listed under the wrong customer or time. */
function orderKeysMatchFields(item: ObjectType): boolean {
  // A missing field is left to `required`, which names it (schema validation runs first).
  if (['orderId', 'customerId', 'createdAt'].some((field) => typeof item[field] !== 'string')) return true;
  return (
    item['pk'] === orderPk(item['orderId']) &&
    item['gsi1pk'] === customerPk(item['customerId']) &&
    // Dates are already in their stored (ISO) form when the schema validates.
    item['gsi1sk'] === customerOrderSk(item['createdAt'], item['orderId'])
  );
}

export const orderSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: ORDER_PK },
    sk: { type: String, rangeKey: true, required: true, enum: [ORDER_SK] },
    gsi1pk: {
      type: String,
      required: true,
      index: { name: BY_CUSTOMER_INDEX, type: 'global', rangeKey: 'gsi1sk', project: true },
    },
    gsi1sk: { type: String, required: true },
    orderId: { type: String, required: true, validate: UUID },
    customerId: { type: String, required: true },
    status: { type: String, required: true, enum: Object.values(OrderStatus) },
    lines: {
      type: Array,
      required: true,
      validate: isNonEmptyArray,
      schema: [{ type: Object, schema: orderLineSchema }],
    },
    createdAt: { type: isoDate, required: true },
    updatedAt: { type: isoDate, required: true },
    version: { type: Number, required: true, validate: isPositiveInteger },
    paymentId: { type: String },
    paymentDueAt: { type: isoDate },
    latePaymentIds: { type: Array, schema: [String] },
    rejectionReasons: {
      type: Array,
      schema: [
        { type: Object, schema: { sku: { type: String, required: true }, reason: { type: String, required: true } } },
      ],
    },
  },
  { saveUnknown: false, validate: orderKeysMatchFields },
);

/** Only events with a registered contract, whose JSON matches its own key attributes, may wait in the outbox. */
function outboxEnvelopeMatches(item: ObjectType): boolean {
  // A conditional update that only sets publishedAt carries no envelope: there is nothing to compare.
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
    pk: { type: String, hashKey: true, required: true, validate: ORDER_PK },
    sk: { type: String, rangeKey: true, required: true, validate: /^OUTBOX#\d{10}#\d{3}$/ },
    eventId: { type: String, required: true, validate: UUID },
    eventType: { type: String, required: true, enum: eventContracts.map((contract) => contract.name) },
    envelope: { type: String, required: true },
    // Copied from the envelope so the stream record names its request: the local cloud traces the relay under it.
    correlationId: { type: String, required: true },
    // DynamoDB's TTL reads epoch seconds; milliseconds would look like a date far in the future and never expire.
    expiresAt: { type: { value: Date, settings: { storage: 'seconds' } }, required: true },
    /** Set once, by the relay, after EventBridge accepted the event. */
    publishedAt: { type: isoDate },
  },
  { saveUnknown: false, validate: outboxEnvelopeMatches },
);

/** How many open orders a customer holds; only ever changed by ADD in the transaction that opens or closes one. */
export const openOrdersSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^CUSTOMER#.+$/ },
    sk: { type: String, rangeKey: true, required: true, enum: [OPEN_ORDERS_SK] },
    open: { type: Number, validate: isNonNegativeInteger },
  },
  { saveUnknown: false },
);
