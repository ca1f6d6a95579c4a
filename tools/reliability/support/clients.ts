// What a client of the local cloud does, over HTTP, as a real client would: one import for the suites.
export * from './http';
export * from './local-api';
export * from './shop';
export * from './tables';
