import { DeadLetterLog, DeliveryJournal, type JournaledDelivery } from '@harbor/local-cloud-messaging';
import { createMessaging, type Messaging } from '../../messaging';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/**
 * SNS and EventBridge from events.yaml, with asynchronous delivery. On disk, deliveries accepted and not yet
 * settled survive a kill (the redelivery module sends them once all is up), and dead letters stay in their
 * queues until redriven, across restarts too, as in SQS.
 */
export function messagingModule(): LocalCloudModule {
  let journal: ReturnType<typeof DeliveryJournal.open> | undefined;
  let deadLetterLog: ReturnType<typeof DeadLetterLog.open> | undefined;
  let messaging: Messaging | undefined;
  return {
    name: 'messaging',
    start(context) {
      const { dataDir } = context.config;
      journal = dataDir === undefined ? undefined : DeliveryJournal.open(`${dataDir}/delivery-journal.jsonl`);
      deadLetterLog = dataDir === undefined ? undefined : DeadLetterLog.open(`${dataDir}/dead-letters.jsonl`);
      const reliability = {
        faults: context.need('faults'),
        ...(journal ? { journal: journal.journal } : {}),
        ...(deadLetterLog ? { deadLetterLog } : {}),
      };
      const invoker = context.need('invoker');
      messaging = createMessaging(context.need('services'), context.naming, invoker, context.trace, reliability);
      context.provide('messaging', messaging);
      context.provide('unsettledDeliveries', journal?.unsettled ?? []);
    },
    stop() {
      messaging?.delivery.stop();
      // After delivery stopped, so nothing is written to them any more.
      journal?.journal.close();
      deadLetterLog?.log.close();
    },
  };
}

/** Sends again what was accepted and not settled before the last stop, once every consumer is up. */
export const redeliveryModule = (): LocalCloudModule => ({
  name: 'redelivery',
  start(context) {
    const unsettled: readonly JournaledDelivery[] = context.need('unsettledDeliveries');
    if (unsettled.length > 0) context.need('messaging').delivery.resume(unsettled);
  },
  stop: nothingToStop,
});
