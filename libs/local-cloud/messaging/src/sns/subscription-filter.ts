import { compileFilterPolicy, type FilterPolicyScope, type MatchResult } from '../matcher';
import type { MessageAttributes } from './message-attributes';

export interface FilterableMessage {
  readonly attributes: MessageAttributes;
  /** The message body the subscriber receives. */
  readonly body: string;
}

export interface SubscriptionFilter {
  readonly scope: FilterPolicyScope;
  evaluate(message: FilterableMessage): MatchResult;
}

/** Compiles once at start-up (an invalid policy throws there), evaluates per publish. */
export function compileSubscriptionFilter(
  policy: Readonly<Record<string, unknown>>,
  scope: FilterPolicyScope,
): SubscriptionFilter {
  const matcher = compileFilterPolicy(policy, scope);
  return {
    scope,
    evaluate: (message) =>
      matcher.match(scope === 'MessageAttributes' ? publishedAttributes(message.attributes) : message.body),
  };
}

/** The attributes in the Publish API's shape, which the matcher reads (Binary ones are ignored by SNS filtering). */
function publishedAttributes(
  attributes: MessageAttributes,
): Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }> {
  const view: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    view[name] = {
      DataType: attribute.dataType,
      ...(attribute.stringValue === undefined ? {} : { StringValue: attribute.stringValue }),
      ...(attribute.binaryValue === undefined ? {} : { BinaryValue: attribute.binaryValue }),
    };
  }
  return view;
}
