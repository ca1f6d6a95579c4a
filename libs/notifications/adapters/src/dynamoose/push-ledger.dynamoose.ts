import type { PushLedger } from '@harbor/notifications-application';
import type { DynamooseRepositoryOptions } from './connection.dynamoose.repository';
import { PUSH_CLAIM_RETENTION_MS, PUSH_SK, pushPk } from './notifications-table.keys';
import {
  isConditionFailure,
  notificationsTableModels,
  type NotificationsTableModels,
} from './notifications-table.models';

/** PushLedger on the notifications table: a claim is a put on condition that no claim of the event exists. */
export class DynamoosePushLedger implements PushLedger {
  private readonly models: NotificationsTableModels;

  constructor(options: DynamooseRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamoosePushLedger needs a tableName');
    this.models = notificationsTableModels(options.tableName);
  }

  async claim(eventId: string, now: Date): Promise<boolean> {
    try {
      const expiresAt = new Date(now.getTime() + PUSH_CLAIM_RETENTION_MS);
      await this.models.pushClaims.create(
        { pk: pushPk(eventId), sk: PUSH_SK, eventId, claimedAt: now, expiresAt },
        { overwrite: false },
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async release(eventId: string): Promise<void> {
    await this.models.pushClaims.delete({ pk: pushPk(eventId), sk: PUSH_SK });
  }
}
