import {
  explainEventPattern,
  explainFilterPolicy,
  InvalidFilterPolicyError,
  InvalidPatternError,
  type MatchExplanation,
} from '@harbor/local-cloud-messaging';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import type { MessagingDeclarations } from '../messaging/messaging-view';

type Scope = 'MessageAttributes' | 'MessageBody';

interface SnsMessage {
  readonly body?: unknown;
  readonly attributes?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `POST /_local/match`: would this message reach this subscription, or this event this rule, and why not. Takes a
 * declared subscription or rule by name, or a policy or pattern given inline; the answer comes from the matcher
 * the emulators use. An invalid policy or pattern is the caller's error, named as Subscribe or PutRule would.
 */
export function explainMatch(
  body: unknown,
  declarations: Pick<MessagingDeclarations, 'subscriptions' | 'rules'>,
): MatchExplanation {
  if (!isObject(body))
    throw new InvalidConsoleRequest(
      'the body must be a JSON object: { subscription, message }, { rule, event }, { filterPolicy, scope?, message } or { eventPattern, event }',
    );
  try {
    if (typeof body['subscription'] === 'string') {
      const name = body['subscription'];
      const subscription = declarations.subscriptions.find((candidate) => candidate.name === name);
      if (!subscription)
        throw new ConsoleResourceNotFound(
          'subscription',
          name,
          declarations.subscriptions.map((candidate) => candidate.name),
        );
      return explainFilterPolicy(
        subscription.filterPolicy ?? {},
        subscription.filterPolicyScope,
        filteredPart(body['message'], subscription.filterPolicyScope),
      );
    }
    if (typeof body['rule'] === 'string') {
      const name = body['rule'];
      const rule = declarations.rules.find((candidate) => candidate.name === name);
      if (!rule)
        throw new ConsoleResourceNotFound(
          'rule',
          name,
          declarations.rules.map((candidate) => candidate.name),
        );
      return explainEventPattern(rule.eventPattern, required(body, 'event'));
    }
    if ('filterPolicy' in body) {
      const scope = body['scope'] ?? 'MessageAttributes';
      if (scope !== 'MessageAttributes' && scope !== 'MessageBody')
        throw new InvalidConsoleRequest(`scope must be MessageAttributes or MessageBody, got ${JSON.stringify(scope)}`);
      return explainFilterPolicy(body['filterPolicy'], scope, filteredPart(body['message'], scope));
    }
    if ('eventPattern' in body) return explainEventPattern(body['eventPattern'], required(body, 'event'));
  } catch (error) {
    if (error instanceof InvalidFilterPolicyError)
      throw new InvalidConsoleRequest(
        `invalid filter policy: ${error.message}`,
        { ...error.details },
        { cause: error },
      );
    if (error instanceof InvalidPatternError)
      throw new InvalidConsoleRequest(
        `invalid event pattern: ${error.message}`,
        { ...error.details },
        { cause: error },
      );
    throw error;
  }
  throw new InvalidConsoleRequest('name a "subscription" or a "rule", or give a "filterPolicy" or an "eventPattern"');
}

function required(body: Record<string, unknown>, key: string): unknown {
  if (!(key in body)) throw new InvalidConsoleRequest(`"${key}" is required`);
  return body[key];
}

/** What a policy of `scope` filters: the attributes map (none given: no attributes) or the body. */
function filteredPart(message: unknown, scope: Scope): unknown {
  if (!isObject(message)) throw new InvalidConsoleRequest('"message" must be an object: { body, attributes? }');
  const { body, attributes } = message as SnsMessage;
  if (scope === 'MessageAttributes') return attributes ?? {};
  if (body === undefined) throw new InvalidConsoleRequest('"message.body" is required for a MessageBody policy');
  return body;
}
