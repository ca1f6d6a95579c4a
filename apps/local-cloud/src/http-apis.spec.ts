import type { GatewayRequest, HttpApi } from '@harbor/local-cloud-api-gateway';
import { HttpApiRouteConflict, httpApiDispatcher, type ServiceHttpApi } from './http-apis';

/** An HTTP API that answers with its own name, so a test sees which API a request reached. */
const fakeApi = (service: string, routeKeys: string[]): ServiceHttpApi => {
  const api: HttpApi = {
    name: service,
    apiId: service,
    stage: '$default',
    handle: async () => ({ status: 200, headers: {}, body: service }),
    routes: () =>
      routeKeys.map((routeKey) => ({
        routeKey,
        functionId: `${service}.fn`,
        authorization: 'NONE',
        scopes: [],
        timeoutMs: 30_000,
      })),
  };
  return { file: `apps/${service}/api/http-api.yaml`, api };
};

const request = (method: string, url: string): GatewayRequest => ({ method, url, headers: {}, body: Buffer.alloc(0) });

const reached = async (dispatch: ReturnType<typeof httpApiDispatcher>, method: string, url: string): Promise<string> =>
  String((await dispatch(request(method, url))).body);

describe('httpApiDispatcher: every HTTP API on one port', () => {
  const dispatch = httpApiDispatcher([
    fakeApi('orders', ['GET /orders/{orderId}', 'ANY /orders/{proxy+}']),
    fakeApi('inventory', ['GET /orders/export', 'POST /stock']),
    fakeApi('catalog', ['$default']),
  ]);

  it("sends a request to the API whose route matches best, by API Gateway's priority across all of them", async () => {
    expect(await reached(dispatch, 'GET', '/orders/o-1?expand=lines')).toBe('orders');
    expect(await reached(dispatch, 'GET', '/orders/export')).toBe('inventory');
    expect(await reached(dispatch, 'DELETE', '/orders/o-1/lines/2')).toBe('orders');
    expect(await reached(dispatch, 'POST', '/stock')).toBe('inventory');
  });

  it('sends what no route matches to the API with a $default route', async () => {
    expect(await reached(dispatch, 'GET', '/stock')).toBe('catalog');
  });

  it("lets an API answer API Gateway's 404 when no API has a $default route", async () => {
    const withoutDefault = httpApiDispatcher([fakeApi('orders', ['GET /orders'])]);
    expect(await reached(withoutDefault, 'GET', '/elsewhere')).toBe('orders');
    expect(await httpApiDispatcher([])(request('GET', '/'))).toMatchObject({
      status: 404,
      body: '{"message":"Not Found"}',
    });
  });

  it('refuses two services declaring the same route, naming both files', () => {
    expect(() =>
      httpApiDispatcher([fakeApi('orders', ['GET /items/{id}']), fakeApi('inventory', ['GET /items/{itemId}'])]),
    ).toThrow(
      new HttpApiRouteConflict(
        'apps/inventory/api/http-api.yaml: route GET /items/{itemId}: apps/orders/api/http-api.yaml declares it too; the local cloud serves every HTTP API on one port, so a route may belong to one service only',
      ),
    );
    expect(() => httpApiDispatcher([fakeApi('orders', ['$default']), fakeApi('inventory', ['$default'])])).toThrow(
      /route \$default: apps\/orders/,
    );
  });
});
