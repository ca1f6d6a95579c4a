import type { AdapterAccess } from '@harbor/platform-access';
import type { OutboxEventPublisher } from '../outbox/outbox.ports';

/** PutEvents on the platform bus (the only one); Terraform adds the condition events:source = harbor.<service>. */
export const eventBridgeEventPublisherAccess = {
  adapter: 'EventBridgeEventPublisher',
  methods: {
    publish: [{ bus: 'events', actions: ['events:PutEvents'] }],
  },
} as const satisfies AdapterAccess<OutboxEventPublisher>;
