import { invalidParameter, topicNotFound } from './errors';
import type { QueryParams } from './query-params';
import type { SnsContext } from './sns-context';
import { type CompiledTopic, isTopicArn } from './sns-topology';

/** The topic a request names by `TopicArn`, or AWS's error for a missing, malformed or unknown one. */
export function requireTopic(params: QueryParams, context: SnsContext): CompiledTopic {
  // AWS accepts a topic's ARN as TargetArn too, for compatibility.
  const targetArn = params.get('TargetArn');
  const topicArn = params.get('TopicArn') || (targetArn !== undefined && isTopicArn(targetArn) ? targetArn : undefined);
  if (topicArn === undefined || topicArn === '') {
    for (const unsupported of ['TargetArn', 'PhoneNumber']) {
      if (params.has(unsupported)) {
        throw invalidParameter(
          `Invalid parameter: ${unsupported} Reason: publishing to a ${unsupported} is not emulated by the local cloud; publish to a topic`,
        );
      }
    }
    throw invalidParameter('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
  }
  if (!isTopicArn(topicArn)) throw invalidParameter('Invalid parameter: TopicArn');
  const topic = context.topology.topic(topicArn);
  if (!topic) throw topicNotFound();
  return topic;
}
