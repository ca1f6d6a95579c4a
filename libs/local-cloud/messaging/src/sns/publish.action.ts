import { acceptMessage } from './publish-fan-out';
import { readPublishInput } from './publish-input';
import type { QueryParams } from './query-params';
import type { SnsContext } from './sns-context';
import { requireTopic } from './topic-lookup';
import { textElement } from './xml';

/** `Publish`: validates, answers the message id, delivers afterwards. Returns the `PublishResult` XML. */
export function publish(params: QueryParams, context: SnsContext): string {
  const input = readPublishInput(params);
  const topic = requireTopic(params, context);
  return textElement('MessageId', acceptMessage(topic, input, context));
}
