import type { EventContract } from './define-event';

/** An EventBridge event pattern as declared in a service's events.yaml rules. */
export interface EventBridgePattern {
  readonly source: readonly string[];
  readonly 'detail-type': readonly string[];
}

/**
 * The pattern selecting `events` as `source` (`harbor.<service>`) publishes them: detail-type is the event's
 * name, so a rule derived here cannot drift from the contract's name.
 */
export function eventPatternFor(source: string, events: readonly EventContract[]): EventBridgePattern {
  if (!/^harbor\.[a-z][a-z0-9-]*$/.test(source))
    throw new Error(`source must be harbor.<service>, got ${JSON.stringify(source)}`);
  if (events.length === 0) throw new Error('an event pattern needs at least one event');
  return { source: [source], 'detail-type': events.map((contract) => contract.name) };
}
