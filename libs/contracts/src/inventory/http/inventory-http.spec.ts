import * as z from 'zod';
import { toFieldErrors } from '../../validation/field-errors';
import { constraintsByPath, shapeByPath } from '../../../test/json-schema-constraints';
import { loadApiDocument } from '../../../test/api-document';
import { componentSchema, resolveRefs, type JsonSchemaNode } from '../../../test/openapi-document';
import { SKU_PATTERN } from '../../values/sku.schema';
import { STOCK_AVAILABLE_MAX } from '../stock-limits';
import { SetStockRequest } from './set-stock.request';
import { SkuParams } from './sku.params';
import { StockItemResponse } from './stock-item.response';

describe('SetStockRequest', () => {
  it.each([0, 1, STOCK_AVAILABLE_MAX])('accepts available = %i', (available) => {
    expect(SetStockRequest.parse({ available })).toEqual({ available });
  });

  it.each([
    [{ available: -1 }, 'available'],
    [{ available: 1.5 }, 'available'],
    [{ available: '3' }, 'available'],
    [{ available: STOCK_AVAILABLE_MAX + 1 }, 'available'],
    [{}, 'available'],
    [{ available: 1, reserved: 0 }, 'reserved'],
  ])('rejects %j naming %s', (body, field) => {
    const result = SetStockRequest.safeParse(body);
    expect(toFieldErrors(result.error!).map((error) => error.field)).toEqual([field]);
  });
});

describe('SkuParams', () => {
  it('takes a SKU and refuses anything else', () => {
    expect(SkuParams.parse({ sku: 'SKU-1' })).toEqual({ sku: 'SKU-1' });
    expect(SkuParams.safeParse({ sku: 'sku 1' }).success).toBe(false);
  });
});

// The HTTP API does not validate bodies (API Gateway v2 has no request validators): the function does, and
// http-api.yaml documents the same schemas for clients. They must not drift.
describe('inventory http-api.yaml agrees with the contracts', () => {
  const document = loadApiDocument('inventory', 'http-api.yaml');

  it('SetStockRequest', () => {
    expect(constraintsByPath(z.toJSONSchema(SetStockRequest, { io: 'input' }))).toEqual(
      constraintsByPath(componentSchema(document, 'SetStockRequest')),
    );
  });

  it('StockItem', () => {
    expect(shapeByPath(z.toJSONSchema(StockItemResponse))).toEqual(shapeByPath(componentSchema(document, 'StockItem')));
  });

  it.each(['get', 'put'])('the sku parameter of %s has the SKU pattern', (method) => {
    const paths = (
      resolveRefs(document, document) as { paths: Record<string, Record<string, { parameters?: JsonSchemaNode[] }>> }
    ).paths;
    const parameter = paths['/inventory/items/{sku}']?.[method]?.parameters?.find(
      (candidate) => candidate['name'] === 'sku',
    );
    expect((parameter?.['schema'] as JsonSchemaNode | undefined)?.['pattern']).toBe(SKU_PATTERN.source);
  });
});
