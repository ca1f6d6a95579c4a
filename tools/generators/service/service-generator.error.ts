/** A generator refused its input or the workspace; the message says what to change. */
export class ServiceGeneratorError extends Error {
  override readonly name = 'ServiceGeneratorError';
}
