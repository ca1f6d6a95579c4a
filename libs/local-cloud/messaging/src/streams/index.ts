export {
  DEFAULT_POLL_INTERVAL_MS,
  startStreamMappings,
  validateStreamMapping,
  type RunningStreamMappings,
  type StreamMappingsOptions,
} from './start-stream-mappings';
export type { StreamMappingSpec } from './stream-mapping-spec';
export type { LambdaStreamRecord, LambdaAttributeValue, LambdaImage } from './lambda-stream-record';
export { InvalidStreamMapping, StreamNotFound } from './errors';
