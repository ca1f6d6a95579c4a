export { LocalSns } from './local-sns';
export type { LocalSnsOptions, SubscriptionSpec, TopicSpec } from './sns-specs';
export type { SnsLambdaEvent } from './sns-lambda-event';
export { InvalidSnsDeclaration } from './errors';
