import { DomainError, type DomainErrorKind } from '@harbor/shared-kernel';
import { httpHandler } from '../http/http-handler';
import { createObservability } from '../observability/observability';
import { HttpProblemError } from '../problems/http-problem.error';
import { jsonBodyOf, lambdaContext, proxyEvent } from '../testing/lambda-fixtures';

class OrderNotCancellable extends DomainError {
  readonly code = 'ORDER.NOT_CANCELLABLE';
  constructor(
    readonly kind: DomainErrorKind,
    details: Record<string, unknown>,
  ) {
    super('Order 1 can no longer be cancelled', details);
  }
}

const observability = createObservability('orders');

function routeThrowing(error: unknown) {
  return httpHandler({ observability }, async () => {
    throw error;
  });
}

describe('problemErrorHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['invalid', 400, 'validation'],
    ['forbidden', 403, 'forbidden'],
    ['not-found', 404, 'not-found'],
    ['conflict', 409, 'conflict'],
    ['unprocessable', 422, 'unprocessable'],
  ] as const)('answers a %s domain error with %i', async (kind, status, type) => {
    const event = proxyEvent({ method: 'POST', path: '/orders/1/cancel' });
    const response = await routeThrowing(new OrderNotCancellable(kind, { orderId: '1' }))(event, lambdaContext());
    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(jsonBodyOf(response)).toEqual({
      type: `https://harbor.dev/problems/${type}`,
      title: expect.any(String),
      status,
      detail: 'Order 1 can no longer be cancelled',
      code: 'ORDER.NOT_CANCELLABLE',
      instance: event.requestContext.requestId,
      orderId: '1',
    });
  });

  it('keeps only JSON-safe details, never an error object, and never lets details override standard members', async () => {
    const details = {
      orderId: '1',
      cause: new Error('db down'),
      status: 200,
      when: new Date('2026-01-01T00:00:00Z'),
      nested: { inner: new Error('x'), ok: 1 },
    };
    const response = await routeThrowing(new OrderNotCancellable('conflict', details))(proxyEvent(), lambdaContext());
    const body = jsonBodyOf(response);
    expect(body).toMatchObject({ status: 409, orderId: '1', when: '2026-01-01T00:00:00.000Z', nested: { ok: 1 } });
    expect(body).not.toHaveProperty('cause');
    expect(response.body).not.toContain('db down');
  });

  it('answers an HttpProblemError with its own problem', async () => {
    const throttled = new HttpProblemError({
      type: 'throttled',
      title: 'Too many requests',
      status: 429,
      code: 'REQUEST.THROTTLED',
    });
    const response = await routeThrowing(throttled)(proxyEvent(), lambdaContext());
    expect(response.statusCode).toBe(429);
    expect(jsonBodyOf(response)).toMatchObject({
      type: 'https://harbor.dev/problems/throttled',
      code: 'REQUEST.THROTTLED',
    });
  });

  it('logs an unknown error with the request id and answers a generic 500 without leaking it', async () => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const secret = new TypeError('connection string postgres://admin:hunter2@db failed');
    const event = proxyEvent();
    const response = await routeThrowing(secret)(event, lambdaContext());

    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(jsonBodyOf(response)).toEqual({
      type: 'https://harbor.dev/problems/internal',
      title: 'Internal Server Error',
      status: 500,
      detail: expect.any(String),
      code: 'INTERNAL',
      instance: event.requestContext.requestId,
    });
    expect(response.body).not.toMatch(/hunter2|TypeError|at .*\.ts/);
    expect(logError).toHaveBeenCalledWith(
      { message: 'Unhandled error', requestId: event.requestContext.requestId },
      secret,
    );
  });

  it('answers 500 for a thrown non-error too', async () => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const response = await routeThrowing('plain string')(proxyEvent(), lambdaContext());
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('plain string');
    expect(logError).toHaveBeenCalledTimes(1);
  });
});
