export { DomainError, type DomainErrorKind } from './domain-error';
export { FixedClock } from './testing/fixed-clock';
