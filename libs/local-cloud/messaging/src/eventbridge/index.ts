export { LocalEventBridge } from './local-eventbridge';
export type { BusSpec, LocalEventBridgeOptions, RetryPolicySpec, RuleSpec } from './eventbridge-specs';
export type { EventBridgeEvent } from './eventbridge-event';
export { MAXIMUM_PUT_EVENTS_BYTES } from './put-events.action';
export { InvalidEventBridgeDeclaration } from './errors';
