import type { EventPublisher } from '@harbor/orders-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** Status changes go to the order-status topic (the only one orders publishes to), one Publish per event. */
export const snsEventPublisherAccess = {
  adapter: 'SnsEventPublisher',
  methods: {
    publish: [{ topic: 'order-status', actions: ['sns:Publish'] }],
  },
} as const satisfies AdapterAccess<EventPublisher>;
