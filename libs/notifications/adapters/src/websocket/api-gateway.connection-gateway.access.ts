import type { ConnectionGateway } from '@harbor/notifications-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** PostToConnection only: a gone connection (410) is forgotten in the table, never deleted through @connections. */
export const apiGatewayConnectionGatewayAccess = {
  adapter: 'ApiGatewayConnectionGateway',
  methods: {
    post: [{ connections: ['POST'], actions: ['execute-api:ManageConnections'] }],
  },
} as const satisfies AdapterAccess<ConnectionGateway>;
