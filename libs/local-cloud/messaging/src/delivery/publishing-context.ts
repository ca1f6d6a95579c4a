import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { AsyncDelivery } from './async-delivery';

/** What every SNS action and EventBridge operation needs: the declared topology and where its messages go. */
export interface PublishingContext<Topology> {
  readonly topology: Topology;
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly region: string;
  readonly accountId: string;
  readonly now: () => Date;
}

export type PublishingOptions = Omit<PublishingContext<never>, 'topology' | 'now'> & { readonly now?: () => Date };

/**
 * The context of an endpoint whose topics or rules are fixed at construction. Their dead-letter queues are declared
 * at once, so they are listed (empty) before anything fails, as deployed queues are.
 */
export function publishingContext<Topology extends { deadLetterQueues(): string[] }>(
  topology: Topology,
  options: PublishingOptions,
): PublishingContext<Topology> {
  for (const queue of topology.deadLetterQueues()) options.delivery.deadLetters.declareQueue(queue);
  const { delivery, trace, region, accountId } = options;
  return { topology, delivery, trace, region, accountId, now: options.now ?? (() => new Date()) };
}
