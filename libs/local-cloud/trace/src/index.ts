export { TraceRecorder, type Hop, type HopInput, type HopKind, type HopListener } from './trace-recorder';
export {
  JsonText,
  PAYLOAD_PART_CAP_BYTES,
  bodyPart,
  isTruncatedPart,
  redactJson,
  type PayloadInput,
  type TruncatedPayloadPart,
} from './hop-payload';
