import { SetStockRequest, SkuParams } from '@harbor/contracts';
import { toStockItemView } from '@harbor/inventory-application';
import { httpApiHandler } from '@harbor/platform-lambda';
import { ADMIN_ACCESS, setStock } from './composition-root';
import { observability } from './observability';

/** PUT /inventory/items/{sku} — sets how many units are available; what is reserved stays reserved. */
export const handler = httpApiHandler(
  { observability, access: ADMIN_ACCESS, pathSchema: SkuParams, bodySchema: SetStockRequest },
  async ({ path, body }) => ({
    statusCode: 200,
    body: toStockItemView(await setStock().execute({ sku: path.sku, available: body.available })),
  }),
);
