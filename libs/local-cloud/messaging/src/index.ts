// The local cloud's messaging: SNS and EventBridge endpoints, DynamoDB stream → Lambda mappings, the delivery engine
// they share (retries, dead letters, faults) and the matcher of filter policies and event patterns. Each folder
// keeps its own barrel of named exports; this one is their union.
export * from './delivery';
export * from './eventbridge';
export * from './matcher';
export * from './sns';
export * from './streams';
