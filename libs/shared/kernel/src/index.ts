export { DomainError, type DomainErrorKind } from './domain-error';
export type { Clock } from './clock.port';
export { SystemClock } from './system-clock';
