import { createObservability } from '@harbor/platform-lambda';

/** The notifications service's logger, tracer and metrics, shared by its handlers. */
export const observability = createObservability('notifications');
