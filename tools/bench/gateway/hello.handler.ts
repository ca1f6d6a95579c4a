import { createObservability, httpHandler } from '@harbor/platform-lambda';

// The benchmark's Lambda: the full platform stack (Powertools logger, tracer, metrics, parsing, errors).
const observability = createObservability('bench');

export const handler = httpHandler({ observability, auth: 'none' }, async () => ({
  statusCode: 200,
  body: { message: 'hello', service: 'bench' },
}));
