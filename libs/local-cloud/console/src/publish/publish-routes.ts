import { consoleJson, jsonBodyOf } from '../backend/console-answers';
import type { ConsoleApiRequest } from '../backend/console-backend';
import type { MessagingDeclarations } from '../messaging/messaging-view';
import type { ConsoleResponse } from '../static-console';
import { ConsolePublisher, type PublishingEmulators } from './console-publisher';
import { recipients } from './recipients';

/**
 * `POST /_local/recipients`, `/_local/publish` and `/_local/put-events`; undefined for any other request. Without
 * the emulators (a console backend serving no SNS or EventBridge) sending is refused, saying so.
 */
export async function answerPublishing(
  request: ConsoleApiRequest,
  messaging: MessagingDeclarations,
  emulators: PublishingEmulators | undefined,
): Promise<ConsoleResponse | undefined> {
  if (request.method !== 'POST') return undefined;
  if (request.path === '/_local/recipients') return consoleJson(200, recipients(jsonBodyOf(request), messaging));
  if (request.path !== '/_local/publish' && request.path !== '/_local/put-events') return undefined;
  if (!emulators)
    throw new Error(`${request.path}: this console backend was given no SNS and EventBridge (publishing in serving)`);
  const publisher = new ConsolePublisher(emulators, messaging);
  const body = jsonBodyOf(request);
  if (request.path === '/_local/publish') return consoleJson(200, await publisher.publish(body));
  return consoleJson(200, await publisher.putEvent(body));
}
