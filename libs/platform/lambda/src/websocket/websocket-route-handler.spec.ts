import { DomainError } from '@harbor/shared-kernel';
import { createObservability } from '../observability/observability';
import { lambdaContext } from '../testing/lambda-fixtures';
import { webSocketRouteHandler, type AuthorizedWebSocketEvent } from './websocket-route-handler';

const observability = createObservability('notifications');

/** A `$connect` event as API Gateway sends it, with what its authorizer returned. */
const connectEvent = (connectionId = 'conn-1'): AuthorizedWebSocketEvent =>
  ({
    requestContext: { connectionId, routeKey: '$connect', requestId: 'req-1', authorizer: { customerId: 'alice' } },
    isBase64Encoded: false,
  }) as unknown as AuthorizedWebSocketEvent;

class RefusedConnection extends DomainError {
  readonly code = 'CONNECTION.REFUSED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('refused', {});
  }
}

class MissingConnection extends DomainError {
  readonly code = 'CONNECTION.NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor() {
    super('not found', {});
  }
}

describe('webSocketRouteHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it("hands the route its event and connection id and answers the route's result", async () => {
    const seen: string[] = [];
    const handler = webSocketRouteHandler(observability, async ({ event, connectionId }) => {
      seen.push(`${connectionId} ${String(event.requestContext.authorizer?.['customerId'])}`);
      return { statusCode: 200 };
    });
    await expect(handler(connectEvent(), lambdaContext())).resolves.toEqual({ statusCode: 200 });
    expect(seen).toEqual(['conn-1 alice']);
  });

  it('answers 400 to an invalid request the client caused, logged as a warning with its code', async () => {
    const warn = jest.spyOn(observability.logger, 'warn').mockImplementation(() => undefined);
    const handler = webSocketRouteHandler(observability, async () => {
      throw new RefusedConnection();
    });
    await expect(handler(connectEvent(), lambdaContext())).resolves.toEqual({ statusCode: 400 });
    const logged = expect.objectContaining({ code: 'CONNECTION.REFUSED' });
    expect(warn).toHaveBeenCalledWith('WebSocket route refused', logged);
  });

  it.each([
    ['an unexpected error', new Error('boom')],
    ['a domain error that is not an invalid request', new MissingConnection()],
  ])('logs and throws %s, which API Gateway answers 500 without detail', async (_case, error) => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const handler = webSocketRouteHandler(observability, async () => {
      throw error;
    });
    await expect(handler(connectEvent(), lambdaContext())).rejects.toBe(error);
    expect(logError).toHaveBeenCalled();
  });
});
