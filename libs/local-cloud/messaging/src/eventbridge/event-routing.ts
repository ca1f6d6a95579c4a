import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EventBridgeContext } from './eventbridge-context';
import { type EventBridgeEvent, eventTime } from './eventbridge-event';
import type { AcceptedEntry } from './put-events-entry';

/**
 * Puts one accepted entry on its bus: gives it an id, hands one delivery per matching rule to the async delivery
 * engine, and records the put-events hop (with the rules that did not match, and why). An entry for a bus that
 * does not exist is accepted and dropped, as AWS does; the trace says so.
 */
export function routeEvent(entry: AcceptedEntry, context: EventBridgeContext): string {
  const startedAt = performance.now();
  const receivedAt = context.now();
  const id = randomUUID();
  const event: EventBridgeEvent = {
    version: '0',
    id,
    'detail-type': entry.detailType,
    source: entry.source,
    account: context.accountId,
    time: eventTime(entry.time),
    region: context.region,
    resources: entry.resources,
    detail: entry.detail,
  };
  const detailCorrelationId = entry.detail['correlationId'];
  const correlationId =
    typeof detailCorrelationId === 'string' && detailCorrelationId !== '' ? detailCorrelationId : id;
  const bus = context.topology.bus(entry.eventBusName);
  const hop = {
    correlationId,
    kind: 'put-events' as const,
    name: bus?.spec.name ?? entry.eventBusName,
    startedAt: receivedAt,
  };
  const summary = { eventId: id, source: entry.source, detailType: entry.detailType };
  if (!bus) {
    context.trace.record({
      ...hop,
      durationMs: performance.now() - startedAt,
      status: 'error',
      detail: {
        ...summary,
        dropped: true,
        reason: `event bus ${entry.eventBusName} does not exist: AWS accepts the event and drops it`,
      },
      payload: { event },
    });
    return id;
  }
  const matchedRules: string[] = [];
  const unmatched: { rule: string; reason: string; path: string }[] = [];
  for (const rule of bus.rules) {
    const outcome = rule.pattern.match(event);
    if (!outcome.matched) {
      unmatched.push({ rule: rule.spec.name, reason: outcome.reason, path: outcome.path });
      continue;
    }
    context.delivery.deliver({ target: rule.target, origin: bus.spec.name, messageId: id, correlationId, event });
    matchedRules.push(rule.spec.name);
  }
  context.trace.record({
    ...hop,
    durationMs: performance.now() - startedAt,
    status: 'ok',
    detail: { ...summary, matchedRules, unmatched },
    // The event as every matching rule's target is given it.
    payload: { event },
  });
  return id;
}
