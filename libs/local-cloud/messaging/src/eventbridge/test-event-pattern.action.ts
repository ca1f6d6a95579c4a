import { compileEventPattern, InvalidPatternError, type CompiledMatcher } from '../matcher';
import { EventBridgeProtocolError, validationException } from './errors';
import type { JsonBody } from './eventbridge-context';

// TestEventPattern's request: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
const MAX_PATTERN_LENGTH = 4096;
const MANDATORY_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'] as const;

function requireString(body: JsonBody, name: 'Event' | 'EventPattern'): string {
  const value = body[name];
  if (typeof value !== 'string') {
    throw validationException(
      `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function compile(pattern: string): CompiledMatcher {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw validationException(
      `1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PATTERN_LENGTH}`,
    );
  }
  try {
    return compileEventPattern(pattern, { maxPatternLength: MAX_PATTERN_LENGTH });
  } catch (error) {
    if (!(error instanceof InvalidPatternError)) throw error;
    // AWS's reason where the matcher knows it, and where in the pattern, which AWS leaves to a parser position.
    const { awsReason, path } = error.details;
    const reason = awsReason.startsWith('is ') ? `the pattern ${awsReason}` : `${awsReason} (at "${path}")`;
    throw new EventBridgeProtocolError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${reason}`);
  }
}

function parseEvent(text: string): Readonly<Record<string, unknown>> {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw validationException('Parameter Event is not valid. Reason: the event is not JSON.');
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw validationException('Parameter Event is not valid. Reason: the event is not a JSON object.');
  const missing = MANDATORY_EVENT_FIELDS.filter((field) => !(field in event));
  if (missing.length > 0)
    throw validationException(`Parameter Event is not valid. Reason: mandatory fields missing: ${missing.join(', ')}.`);
  return event as Record<string, unknown>;
}

/** `TestEventPattern`: whether the event matches the pattern, by the same matcher the declared rules route with. */
export function testEventPattern(body: JsonBody): { Result: boolean } {
  const matcher = compile(requireString(body, 'EventPattern'));
  const event = parseEvent(requireString(body, 'Event'));
  return { Result: matcher.match(event).matched };
}
