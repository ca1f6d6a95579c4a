import * as z from 'zod';
import { constraintsByPath, shapeByPath } from '../../../test/json-schema-constraints';
import { componentSchema, loadOrdersOpenApi, resolveRefs, type JsonSchemaNode } from '../../../test/openapi-document';
import { ORDER_PAGE_LIMIT_MAX, ORDER_PAGE_LIMIT_MIN } from './list-orders.query';
import { OrderPageResponse } from './order-page.response';
import { OrderResponse } from './order.response';
import { PlaceOrderRequest } from './place-order.request';

// API Gateway validates requests against openapi.yaml before a handler sees them, and handlers validate
// against these schemas: if the two drift, a request passes one and fails the other.
const document = loadOrdersOpenApi();

function operationParameter(path: string, method: string, name: string): JsonSchemaNode {
  const operation = (
    resolveRefs(document, document) as { paths: Record<string, Record<string, { parameters?: JsonSchemaNode[] }>> }
  ).paths[path]?.[method];
  const parameter = operation?.parameters?.find((candidate) => candidate['name'] === name);
  if (!parameter) throw new Error(`openapi.yaml has no parameter ${name} on ${method.toUpperCase()} ${path}`);
  return parameter['schema'] as JsonSchemaNode;
}

describe('PlaceOrderRequest agrees with openapi.yaml', () => {
  // `input` is what a request must satisfy (in `output` mode zod marks even a stripping object closed).
  const fromZod = constraintsByPath(z.toJSONSchema(PlaceOrderRequest, { io: 'input' }));
  const fromOpenApi = constraintsByPath(componentSchema(document, 'PlaceOrderRequest'));

  it('on every field, required list, bound, pattern and additionalProperties', () => {
    expect(fromZod).toEqual(fromOpenApi);
  });

  it('compares the nested fields too', () => {
    expect(Object.keys(fromZod)).toEqual(expect.arrayContaining(['$.currency', '$.lines[].sku', '$.lines[].quantity']));
    expect(fromZod['$.lines[]']?.['additionalProperties']).toBe(false);
  });
});

describe('responses have the shape openapi.yaml documents', () => {
  it('Order', () => {
    expect(shapeByPath(z.toJSONSchema(OrderResponse))).toEqual(shapeByPath(componentSchema(document, 'Order')));
  });

  it('OrderPage', () => {
    expect(shapeByPath(z.toJSONSchema(OrderPageResponse))).toEqual(shapeByPath(componentSchema(document, 'OrderPage')));
  });
});

describe('parameters agree with openapi.yaml', () => {
  it('limit has the same bounds', () => {
    const limit = operationParameter('/orders', 'get', 'limit');
    expect([limit['minimum'], limit['maximum']]).toEqual([ORDER_PAGE_LIMIT_MIN, ORDER_PAGE_LIMIT_MAX]);
  });

  it.each([
    ['/orders/{orderId}', 'get'],
    ['/orders/{orderId}/cancel', 'post'],
  ])('orderId of %s is a UUID', (path, method) => {
    expect(operationParameter(path, method, 'orderId')['format']).toBe('uuid');
  });
});
