export type { Invoker, InvokeOutcome, InvokeRequest } from './invoker';
