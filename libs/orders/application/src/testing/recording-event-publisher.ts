import type { EventEnvelope } from '@harbor/contracts';
import type { EventPublisher } from '../ports/event-publisher.port';

/** Keeps what was published, in order; can be told to fail the next call. */
export class RecordingEventPublisher implements EventPublisher {
  readonly published: EventEnvelope[] = [];
  private nextFailure: Error | undefined;

  failNextPublishWith(error: Error): void {
    this.nextFailure = error;
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const failure = this.nextFailure;
    if (failure) {
      this.nextFailure = undefined;
      throw failure;
    }
    this.published.push(...events);
  }
}
