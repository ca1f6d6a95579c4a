import type { EventEnvelope } from '@harbor/contracts';
import type { EventPublisher } from '@harbor/orders-application';
import { EventsNotPublished, EventTooLargeToPublish, type UnpublishedEvent } from '@harbor/platform-outbox';

export interface EventRoute {
  readonly eventTypes: readonly string[];
  readonly publisher: EventPublisher;
}

/**
 * Sends each envelope to exactly one publisher: the route that names its event type, else `fallback`. The
 * outbox relay marks a record published only when its one destination accepted it, so a record never goes out
 * twice; every destination is attempted even when another fails, and all refusals come back as one
 * EventsNotPublished naming each event. An event too large for its destination is reported the same way.
 */
export class RoutingEventPublisher implements EventPublisher {
  constructor(
    private readonly routes: readonly EventRoute[],
    private readonly fallback: EventPublisher,
  ) {}

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const groups = new Map<EventPublisher, EventEnvelope[]>();
    for (const envelope of events) {
      const publisher =
        this.routes.find((route) => route.eventTypes.includes(envelope.eventType))?.publisher ?? this.fallback;
      groups.set(publisher, [...(groups.get(publisher) ?? []), envelope]);
    }
    const failures = (
      await Promise.all([...groups].map(([publisher, group]) => publishGroup(publisher, group)))
    ).flat();
    if (failures.length > 0) throw new EventsNotPublished(failures);
  }
}

/** One destination's share; an event too large for it is set aside and the rest published. */
async function publishGroup(publisher: EventPublisher, events: readonly EventEnvelope[]): Promise<UnpublishedEvent[]> {
  const failures: UnpublishedEvent[] = [];
  let remaining = events;
  while (remaining.length > 0) {
    try {
      await publisher.publish(remaining);
      return failures;
    } catch (error) {
      if (error instanceof EventTooLargeToPublish) {
        failures.push({ eventId: error.eventId, errorCode: 'EventTooLarge', errorMessage: error.message });
        remaining = remaining.filter((envelope) => envelope.eventId !== error.eventId);
      } else if (error instanceof EventsNotPublished) {
        return [...failures, ...error.failures];
      } else {
        const errorCode = error instanceof Error ? error.name : 'UnknownError';
        return [...failures, ...remaining.map((envelope) => ({ eventId: envelope.eventId, errorCode }))];
      }
    }
  }
  return failures;
}
