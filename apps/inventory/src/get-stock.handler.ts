import { SkuParams } from '@harbor/contracts';
import { toStockItemView } from '@harbor/inventory-application';
import { httpApiHandler } from '@harbor/platform-lambda';
import { ADMIN_ACCESS, getStock } from './composition-root';
import { observability } from './observability';

/** GET /inventory/items/{sku} — `{ sku, available, reserved }`; a SKU never stocked answers 404. */
export const handler = httpApiHandler(
  { observability, access: ADMIN_ACCESS, pathSchema: SkuParams },
  async ({ path }) => ({
    statusCode: 200,
    body: toStockItemView(await getStock().execute({ sku: path.sku })),
  }),
);
