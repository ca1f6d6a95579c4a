import { createObservability } from '@harbor/platform-lambda';

/** The catalog service's logger, tracer and metrics, shared by its handlers. */
export const observability = createObservability('catalog');
