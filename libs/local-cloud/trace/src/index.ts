export { TraceRecorder, type Hop, type HopInput, type HopKind, type HopListener } from './trace-recorder';
