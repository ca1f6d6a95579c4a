// Test doubles of the kernel's ports (`@harbor/shared-kernel/testing`): never imported by production code.
export { FixedClock } from './fixed-clock';
