import { closeConnection } from './composition-root';
import { observability } from './observability';
import { webSocketRouteHandler } from '@harbor/platform-lambda';

/** `$disconnect`: forgets the connection (API Gateway runs it once, however the connection ended). */
export const handler = webSocketRouteHandler(observability, async ({ connectionId }) => {
  await closeConnection().execute({ connectionId });
  return { statusCode: 200 };
});
