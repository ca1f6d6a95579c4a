import { ORDER_STATUSES } from '@harbor/contracts';
import { NotificationKind } from '@harbor/notifications-domain';
import * as dynamoose from 'dynamoose';
import type { ObjectType } from 'dynamoose/dist/General';
import {
  BY_CUSTOMER_INDEX,
  CONNECTION_SK,
  connectionPk,
  customerConnectionSk,
  customerPk,
  notificationPk,
  notificationSk,
  PUSH_SK,
  pushPk,
} from './notifications-table.keys';

/*
 * Strict schemas: `saveUnknown: false` drops any attribute not declared here, and every write is checked
 * (`required`, `enum`, `validate`, and each item's keys against its own attributes) before it leaves the process.
 */

const isoDate = { value: Date, settings: { storage: 'iso' as const } };
const epochSeconds = { value: Date, settings: { storage: 'seconds' as const } };
const isNonNegativeInteger = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** A connection's keys are derived from its attributes: a mismatch would hide it from its customer. */
function connectionKeysMatch(item: ObjectType): boolean {
  return (
    item['pk'] === connectionPk(item['connectionId']) &&
    item['gsi1pk'] === customerPk(item['customerId']) &&
    item['gsi1sk'] === customerConnectionSk(new Date(item['connectedAt']), item['connectionId'])
  );
}

export const connectionSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^CONNECTION#.+/ },
    sk: { type: String, rangeKey: true, required: true, enum: [CONNECTION_SK] },
    gsi1pk: {
      type: String,
      required: true,
      index: { name: BY_CUSTOMER_INDEX, type: 'global', rangeKey: 'gsi1sk', project: true },
    },
    gsi1sk: { type: String, required: true },
    connectionId: { type: String, required: true },
    customerId: { type: String, required: true },
    connectedAt: { type: isoDate, required: true },
    expiresAt: { type: epochSeconds, required: true },
  },
  { saveUnknown: false, validate: connectionKeysMatch },
);

export const notificationSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^NOTIFICATION#.+/ },
    sk: { type: String, rangeKey: true, required: true, enum: Object.values(NotificationKind).map(notificationSk) },
    kind: { type: String, required: true, enum: Object.values(NotificationKind) },
    sourceEventId: { type: String, required: true },
    orderId: { type: String, required: true },
    customerId: { type: String },
    status: { type: String, enum: [...ORDER_STATUSES] },
    paymentId: { type: String },
    amountMinor: { type: Number, required: true, validate: isNonNegativeInteger },
    currency: { type: String, required: true, validate: /^[A-Z]{3}$/ },
    text: { type: String, required: true },
    occurredAt: { type: isoDate, required: true },
    recordedAt: { type: isoDate, required: true },
  },
  {
    saveUnknown: false,
    validate: (item: ObjectType) =>
      item['pk'] === notificationPk(item['sourceEventId']) && item['sk'] === notificationSk(item['kind']),
  },
);

export const pushClaimSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: /^PUSH#.+/ },
    sk: { type: String, rangeKey: true, required: true, enum: [PUSH_SK] },
    eventId: { type: String, required: true },
    claimedAt: { type: isoDate, required: true },
    expiresAt: { type: epochSeconds, required: true },
  },
  { saveUnknown: false, validate: (item: ObjectType) => item['pk'] === pushPk(item['eventId']) },
);
